from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Inscriptions aux activités et événements")

    def ready(self):
        from coop_site.personal_data import register

        from . import personal_data

        register(personal_data.REGISTRATIONS)
