from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = _("Adhésion et tarifs")

    def ready(self):
        from houses.sections import register_section

        from .services import house_section

        # A house's page says what joining costs there and links to « Adhérer ».
        register_section(
            "membership",
            template="membership/includes/house_section.html",
            context=house_section,
        )
