from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("E-mails envoyés par le site")

    def ready(self):
        from coop_site import personal_data as registry

        from . import personal_data

        registry.register(personal_data.SENT_EMAILS)
