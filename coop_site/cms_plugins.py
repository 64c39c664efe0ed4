from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from .models import Figure, PartnerLogo


@plugin_pool.register_plugin
class FigurePlugin(CMSPluginBase):
    model = Figure
    name = _("Image avec légende")
    module = _("Contenu")
    render_template = "coop_site/plugins/figure.html"
    fields = ["image", "alt_text", "is_decorative", "caption", "credit", "wide"]


@plugin_pool.register_plugin
class PartnerLogosPlugin(CMSPluginBase):
    """A row of partners' logos; each logo is a child block."""

    name = _("Logos de partenaires")
    module = _("Contenu")
    render_template = "coop_site/plugins/partner_logos.html"
    allow_children = True
    child_classes = ["PartnerLogoPlugin"]

    def render(self, context, instance, placeholder):
        # The logos' images in one query, not one per logo.
        prefetch_related_objects(instance.child_plugin_instances or [], "image")
        return super().render(context, instance, placeholder)


@plugin_pool.register_plugin
class PartnerLogoPlugin(CMSPluginBase):
    model = PartnerLogo
    name = _("Logo de partenaire")
    module = _("Contenu")
    render_template = "coop_site/plugins/partner_logo.html"
    require_parent = True
    parent_classes = ["PartnerLogosPlugin"]
    fields = ["image", "name", "url"]


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
