"""Render a content's placeholders as a visitor would get them, each block marked.

The checks read the real output of the CMS (the draft's plugins through the
project's own renderer, templates and context processors) rather than the
stored fields, so that every plugin, ours or a package's, is covered. Each
plugin's output is wrapped in two HTML comments carrying its id: the checks
tie a problem to the block (and a nested block) that produced it. Comments,
not the edit mode's `<template>` markers, because the edit mode changes the
output (the text editor's inline widgets) and a parser moves `<template>`
out of a table, where a comment stays.
"""

from dataclasses import dataclass, field

from cms.middleware.page import get_page
from cms.toolbar.toolbar import CMSToolbar
from cms.utils.placeholder import get_placeholders
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import engines
from django.test import RequestFactory
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import override
from sekizai.context import SekizaiContext

from coop_site.plugin_rendering import IsolatedPluginsContentRenderer

START = "coop-check-start:"
END = "coop-check-end:"


@dataclass
class RenderedPlaceholder:
    placeholder: object
    label: str
    html: str


@dataclass
class Rendering:
    placeholders: list = field(default_factory=list)
    plugins: dict = field(default_factory=dict)  # id -> CMSPlugin, every block rendered
    failed: list = field(default_factory=list)  # plugins that raised while rendering


class CheckRenderer(IsolatedPluginsContentRenderer):
    """The site's renderer (a failing plugin is left out), with each block's output marked."""

    def __init__(self, request, rendering):
        super().__init__(request)
        self.rendering = rendering

    def render_plugin(self, instance, context, placeholder=None, editable=False):
        content = super().render_plugin(instance, context, placeholder, editable=False)
        self.rendering.plugins[instance.pk] = instance
        # Safe as the CMS's own edit markers are: `{% render_plugin %}` would escape it.
        return mark_safe(f"<!--{START}{instance.pk}-->{content}<!--{END}{instance.pk}-->")

    def render_failed_plugin(self, instance, placeholder, editable):
        self.rendering.failed.append(instance)
        return super().render_failed_plugin(instance, placeholder, editable=False)


def visitor_request(path="/"):
    """A GET by an anonymous visitor, with what the middleware would have set."""
    request = RequestFactory().get(path or "/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request.LANGUAGE_CODE = "fr"
    request.toolbar = CMSToolbar(request)
    # As cms.middleware.page.CurrentPageMiddleware: apphooked views read it.
    request.current_page = SimpleLazyObject(lambda: get_page(request))
    return request


def _context(request, renderer):
    context = SekizaiContext({"request": request, "cms_content_renderer": renderer})
    for processor in engines["django"].engine.template_context_processors:
        context.update(processor(request))
    return context


def placeholders_of(obj):
    """The placeholders of `obj` a visitor sees, in the order of its template."""
    from cms.models import Placeholder

    by_slot = {
        placeholder.slot: placeholder for placeholder in Placeholder.objects.get_for_obj(obj)
    }
    template = obj.get_template()
    if not template:  # a shared content (alias): its one placeholder
        return list(by_slot.values())
    ordered = []
    for declared in get_placeholders(template):
        placeholder = by_slot.get(declared.slot)
        if placeholder is not None:
            ordered.append(placeholder)
    return ordered


def render_content(obj, *, path="/"):
    """Render every placeholder of `obj` (a PageContent, a news item) as the public would see it."""
    from cms.models import PageContent

    rendering = Rendering()
    request = visitor_request(path)
    renderer = CheckRenderer(request, rendering)
    # `{% render_plugin %}` (children) asks the toolbar for its renderer.
    request.toolbar.__dict__["content_renderer"] = renderer
    request.toolbar.set_object(obj)
    if isinstance(obj, PageContent):
        request.current_page = obj.page
    with override("fr"):
        for placeholder in placeholders_of(obj):
            context = _context(request, renderer)
            html = renderer.render_placeholder(
                placeholder, context, language="fr", page=obj, editable=False, use_cache=False
            )
            rendering.placeholders.append(
                RenderedPlaceholder(placeholder, str(placeholder.get_label()), str(html))
            )
    return rendering
