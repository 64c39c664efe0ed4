from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    verbose_name = _("Associations accueillies et salles")

    def ready(self):
        from coop_site import personal_data as registry
        from houses.sections import register_section

        from . import personal_data, services

        # What the forms keep about people: the administrators' « Données d'une personne ».
        registry.register(personal_data.ASSOCIATION_MESSAGES)
        registry.register(personal_data.ROOM_REQUESTS)

        # A house's page lists the associations it hosts.
        register_section(
            "associations",
            template="associations/includes/house_section.html",
            context=services.house_section_context,
        )
        # And the rooms it lends or hires, each with its request form.
        register_section(
            "rooms",
            template="associations/includes/rooms_section.html",
            context=services.rooms_section_context,
        )
