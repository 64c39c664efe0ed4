"""The editors' kit as django CMS plugins, in the site's design system.

Modules: « Mise en page » for what arranges blocks (section, grid, list that
opens), « Contenu » for what says something (call to action, quote, note).
Grids take only columns, columns live only in grids; the same for a list's
items. Text plugins are the only place for rich text.
"""

from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from documents.services import document_entry
from houses.models import Event, PublicPlace

from .forms import CallToActionForm
from .models import (
    Accordion,
    AccordionItem,
    AgoraBlock,
    CallToAction,
    Column,
    Grid,
    Note,
    Quote,
    Section,
)

LAYOUT = _("Mise en page")
CONTENT = _("Contenu")


def is_editing(context):
    toolbar = getattr(context.get("request"), "toolbar", None)
    return bool(toolbar and toolbar.edit_mode_active)


class InsideItsParentOnly(CMSPluginBase):
    """The structure board offers a column only in a grid; a hand-made request is refused too.

    django CMS checks `parent_classes` in its menus, not when a plugin is added.
    """

    require_parent = True

    def add_view(self, request, form_url="", extra_context=None):
        parent = getattr(self, "_cms_initial_attributes", {}).get("parent")
        if parent is None or parent.plugin_type not in self.parent_classes:
            return HttpResponseBadRequest(
                gettext("Un bloc « %(name)s » se place seulement dans un bloc « %(parent)s ».")
                % {"name": self.name, "parent": plugin_pool.get_plugin(self.parent_classes[0]).name}
            )
        return super().add_view(request, form_url, extra_context)


@plugin_pool.register_plugin
class SectionPlugin(CMSPluginBase):
    model = Section
    name = _("Section")
    module = LAYOUT
    render_template = "blocks/plugins/section.html"
    allow_children = True
    fields = ["title", "heading_level", "intro"]


@plugin_pool.register_plugin
class GridPlugin(CMSPluginBase):
    model = Grid
    name = _("Grille de colonnes")
    module = LAYOUT
    render_template = "blocks/plugins/grid.html"
    allow_children = True
    child_classes = ["ColumnPlugin"]
    fields = ["columns"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A grid comes with its columns, so an editor only fills them; going from 2 to
        # 3 adds the third. A column is never removed here: it may hold blocks.
        from cms.api import add_plugin

        existing = obj.get_children().filter(plugin_type="ColumnPlugin").count() if change else 0
        for _column in range(obj.columns - existing):
            add_plugin(obj.placeholder, "ColumnPlugin", obj.language, target=obj)


@plugin_pool.register_plugin
class ColumnPlugin(InsideItsParentOnly):
    model = Column
    name = _("Colonne")
    module = LAYOUT
    render_template = "blocks/plugins/column.html"
    allow_children = True
    parent_classes = ["GridPlugin"]


@plugin_pool.register_plugin
class AccordionPlugin(CMSPluginBase):
    model = Accordion
    name = _("Liste dépliable")
    module = LAYOUT
    render_template = "blocks/plugins/accordion.html"
    allow_children = True
    child_classes = ["AccordionItemPlugin"]
    fields = ["title", "heading_level"]


@plugin_pool.register_plugin
class AccordionItemPlugin(InsideItsParentOnly):
    model = AccordionItem
    name = _("Élément dépliable")
    module = LAYOUT
    render_template = "blocks/plugins/accordion_item.html"
    allow_children = True
    parent_classes = ["AccordionPlugin"]
    fields = ["summary", "is_open"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        # In edit mode every item is open, so that the blocks inside can be double-clicked.
        context["editing"] = is_editing(context)
        return context


@plugin_pool.register_plugin
class CallToActionPlugin(CMSPluginBase):
    model = CallToAction
    name = _("Bouton ou lien d'action")
    module = CONTENT
    render_template = "blocks/plugins/call_to_action.html"
    form = CallToActionForm
    text_enabled = False
    fieldsets = [
        (None, {"fields": ["text", "style"]}),
        (
            _("Destination : choisissez-en une seule"),
            {"fields": ["page", "house", "event", "report", "document", "external_url"]},
        ),
    ]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["url"] = instance.target_url()
        context["editing"] = is_editing(context)
        return context


@plugin_pool.register_plugin
class QuotePlugin(CMSPluginBase):
    model = Quote
    name = _("Citation")
    module = CONTENT
    render_template = "blocks/plugins/quote.html"
    fields = ["text", "author", "source"]


@plugin_pool.register_plugin
class NotePlugin(CMSPluginBase):
    model = Note
    name = _("Encadré (information, attention)")
    module = CONTENT
    render_template = "blocks/plugins/note.html"
    allow_children = True
    child_classes = ["TextPlugin", "CallToActionPlugin"]
    fields = ["kind", "title", "text"]


@plugin_pool.register_plugin
class AgoraPlugin(CMSPluginBase):
    """Read from the agenda: the places are the AGORA's, its sessions the events held there."""

    model = AgoraBlock
    name = _("AGORA : lieux et séances")
    module = CONTENT
    render_template = "blocks/plugins/agora.html"
    cache = False  # a new session, place or method shows at once, a withdrawn one goes
    fields = ["upcoming_count", "past_count", "method_document"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        sessions = Event.objects.agora().with_related()
        context["places"] = PublicPlace.objects.all()
        context["upcoming"] = sessions.upcoming()[: instance.upcoming_count]
        context["past"] = sessions.past()[: instance.past_count] if instance.past_count else []
        if instance.method_document_id:
            method = Document.objects.published().filter(pk=instance.method_document_id).first()
            if method is not None and method.download_url:
                context["method"] = document_entry(method)
        return context
