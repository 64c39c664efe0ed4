from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "associations"
    verbose_name = _("Associations accueillies et salles")

    def ready(self):
        from houses.sections import register_section

        from . import services

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
