from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoopSiteConfig(AppConfig):
    name = "coop_site"
    verbose_name = _("Site de la Coopération")

    def ready(self):
        from cms.models import Placeholder
        from django.contrib import admin

        from .cms_access import DraftGuardedPlaceholderAdmin
        from .cms_french import name_text_plugin_in_french, name_version_models_in_french
        from .roles import sync_roles_after_migrate

        # Drafts open only for whoever may change them (see coop_site/cms_access.py).
        admin.site.unregister(Placeholder)
        admin.site.register(Placeholder, DraftGuardedPlaceholderAdmin)
        name_text_plugin_in_french()
        name_version_models_in_french()
        # Once per migrate (this app's signal only), every app's roles converge.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
