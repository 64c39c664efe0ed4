from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoopSiteConfig(AppConfig):
    name = "coop_site"
    verbose_name = _("Site de la Coopération")

    def ready(self):
        from cms.models import Placeholder
        from django.contrib import admin

        from .cms_access import DraftGuardedPlaceholderAdmin
        from .cms_french import name_text_plugin_in_french, name_version_models_in_french

        # Drafts open only for whoever may change them (see coop_site/cms_access.py).
        admin.site.unregister(Placeholder)
        admin.site.register(Placeholder, DraftGuardedPlaceholderAdmin)
        name_text_plugin_in_french()
        name_version_models_in_french()
