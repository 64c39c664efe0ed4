from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RadioConfig(AppConfig):
    name = "radio"
    verbose_name = _("La radio des maisons")

    def ready(self):
        from houses.sections import register_section

        from .services import latest_episodes

        # « À la radio » on the page of each house an episode concerns.
        register_section(
            "radio",
            template="radio/includes/house_section.html",
            context=lambda house: {"radio_episodes": latest_episodes(house=house, count=3)},
        )
