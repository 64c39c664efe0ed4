from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import Partner


@plugin_pool.register_plugin
class PartnerLogosPlugin(CMSPluginBase):
    """The partners' logos, read from « Partenaires et financeurs » in the admin.

    The footer's shared content holds this block: staff add or change a
    partner once, in the admin, and every page shows it.
    """

    name = _("Logos des partenaires")
    module = _("Contenu")
    render_template = "partners/includes/logos.html"
    allow_children = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["partners"] = list(Partner.objects.for_display())
        return context
