from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partenaires et financeurs")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from houses.sections import register_section

        from . import services
        from .models import Partner

        # A house's page names the partners concerned with that house.
        register_section(
            "partners",
            template="partners/includes/house_section.html",
            context=lambda house: {"house_partners": services.partners_of(house)},
        )
        # The footer's block reads the partners: a saved partner shows at once.
        for signal in (post_save, post_delete):
            signal.connect(services.forget_rendered_blocks, sender=Partner)
        m2m_changed.connect(services.forget_rendered_blocks, sender=Partner.houses.through)
