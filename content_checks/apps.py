from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentChecksConfig(AppConfig):
    name = "content_checks"
    verbose_name = _("Vérifications avant publication")

    def ready(self):
        from django.contrib import admin

        from . import news
        from .publishing import check_version_publication

        # After djangocms-versioning and coop_site have registered their version admins.
        check_version_publication(admin.site)
        news.register()
