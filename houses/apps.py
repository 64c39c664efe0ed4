from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousesConfig(AppConfig):
    name = "houses"
    verbose_name = _("Maisons de quartier")

    def ready(self):
        from coop_site import personal_data as registry
        from coop_site.page_cache import register_next_change

        from . import personal_data
        from .services import next_public_change

        register_next_change(next_public_change)
        # The contact messages are personal data: the administrators' « Données d'une personne ».
        registry.register(personal_data.CONTACT_MESSAGES)
