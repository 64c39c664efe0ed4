from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("Équipes et gouvernance")

    def ready(self):
        from houses.recipients import register_recipients
        from houses.sections import register_section

        from .services import house_governance, team_roles

        # A house's page shows its team, its board and its project groups...
        register_section(
            "people", template="people/includes/house_section.html", context=house_governance
        )
        # ...and its contact form may be addressed to one of their roles.
        register_recipients("people", roles=team_roles)
