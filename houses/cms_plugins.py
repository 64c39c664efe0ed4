from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from coop_site.apphooks import reverse_or_empty
from coop_site.cms_plugins import CardsPluginBase

from .forms import ContactForm
from .models import (
    ActivityCardsBlock,
    ContactFormBlock,
    EventCardsBlock,
    HouseCardsBlock,
    KeyFiguresBlock,
)


@plugin_pool.register_plugin
class KeyFiguresPlugin(CMSPluginBase):
    model = KeyFiguresBlock
    name = _("Chiffres clés")
    module = _("Contenu")
    render_template = "houses/plugins/key_figures.html"
    filter_horizontal = ["figures"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["figures"] = instance.figures.order_by("-year", "order", "label")
        return context


@plugin_pool.register_plugin
class EventCardsPlugin(CardsPluginBase):
    model = EventCardsBlock
    name = _("Cartes d'événements")
    card_template = "includes/card/event.html"
    fields = ["title", "house", "count", "chosen"]


@plugin_pool.register_plugin
class ActivityCardsPlugin(CardsPluginBase):
    model = ActivityCardsBlock
    name = _("Cartes d'activités")
    card_template = "includes/card/activity.html"
    fields = ["title", "house", "category", "count", "chosen"]


@plugin_pool.register_plugin
class HouseCardsPlugin(CardsPluginBase):
    model = HouseCardsBlock
    name = _("Cartes de maisons")
    card_template = "includes/card/house.html"
    fields = ["title", "count", "chosen"]


@plugin_pool.register_plugin
class ContactFormPlugin(CMSPluginBase):
    """A house's contact form: sent to the house's contact page, which thanks or shows the errors."""

    model = ContactFormBlock
    name = _("Formulaire de contact d'une maison")
    module = _("Contenu")
    render_template = "houses/plugins/contact_form.html"
    fields = ["house", "title"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["form"] = ContactForm()
        # Empty while no page hangs the houses' application (then nothing to post to).
        context["contact_url"] = reverse_or_empty("houses:contact", slug=instance.house.slug)
        return context
