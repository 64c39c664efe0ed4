from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import Figure


@plugin_pool.register_plugin
class FigurePlugin(CMSPluginBase):
    model = Figure
    name = _("Image avec légende")
    module = _("Contenu")
    render_template = "coop_site/plugins/figure.html"
    fields = ["image", "alt_text", "is_decorative", "caption", "credit", "wide"]
