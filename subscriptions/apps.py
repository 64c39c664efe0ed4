from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Lettres des maisons (abonnés)")

    def ready(self):
        from coop_site import personal_data as registry
        from houses.sections import register_section

        from . import personal_data

        # An address and its houses are personal data: the administrators' « Données d'une personne ».
        registry.register(personal_data.SUBSCRIBERS)

        # A house's page offers to follow it by e-mail: its form names the house.
        register_section(
            "subscriptions",
            template="subscriptions/includes/house_section.html",
            context=lambda house: {},
        )
