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


class CardsPluginBase(CMSPluginBase):
    """The plugin of a `CardsBlock`: `card_template` draws one card (a variable `card`)."""

    module = _("Contenu")
    render_template = "coop_site/plugins/cards.html"
    card_template = None
    filter_horizontal = ["chosen"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "chosen":  # only what visitors could see
            kwargs["queryset"] = self.model().visible(db_field.related_model.objects.all())
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["cards"] = instance.cards()
        context["card_template"] = self.card_template
        return context
