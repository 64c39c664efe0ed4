from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousesConfig(AppConfig):
    name = "houses"
    verbose_name = _("Maisons de quartier")
