from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoopSiteConfig(AppConfig):
    name = "coop_site"
    verbose_name = _("Site de la Coopération")
