from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EasyReadConfig(AppConfig):
    name = "easy_read"
    verbose_name = _("Facile à lire et à comprendre (FALC)")
