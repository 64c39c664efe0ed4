from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from coop_site.cms_plugins import CardsPluginBase

from .models import NewsCardsBlock


@plugin_pool.register_plugin
class NewsCardsPlugin(CardsPluginBase):
    model = NewsCardsBlock
    name = _("Cartes d'actualités")
    card_template = "includes/card/news.html"
    fields = ["title", "house", "category", "count", "chosen"]
