"""Shared contents (djangocms-alias) on every page, rendered once per version of the site.

See coop_site/shared_contents.py: pages show the published version only, in
every mode; the shared content's own preview (the alias list's pencil) shows
its draft through djangocms-alias's `static_alias`.
"""

from cms.toolbar.utils import get_toolbar_from_request
from django import template
from django.template import engines
from django.utils.safestring import mark_safe

from coop_site import page_cache
from coop_site.shared_contents import published_placeholder

register = template.Library()

_static_alias = None


def _render_static_alias(context, static_code):
    global _static_alias
    if _static_alias is None:
        _static_alias = engines["django"].from_string(
            "{% load djangocms_alias_tags %}{% static_alias static_code %}"
        )
    with context.push(static_code=static_code):
        return _static_alias.template.render(context)


def _render_published(context, toolbar, static_code):
    placeholder = published_placeholder(static_code)
    if placeholder is None:
        return ""
    renderer = toolbar.get_content_renderer()
    # use_cache: without it django CMS marks the whole response never-cache,
    # and no page showing a shared content could be kept (coop_site/page_cache.py).
    return renderer.render_placeholder(placeholder, context=context, editable=False, use_cache=True)


def _previewing_a_shared_content(toolbar):
    from djangocms_alias.models import AliasContent

    return isinstance(toolbar.get_object(), AliasContent)


@register.simple_tag(takes_context=True)
def shared_content(context, static_code):
    """The published version of the shared content `static_code`, the same on
    every page and in every mode, kept in the cache under the site's version
    (a save anywhere makes a new one, so it is never stale). Its own preview
    shows its draft."""
    request = context.get("request")
    toolbar = get_toolbar_from_request(request) if request is not None else None
    if toolbar is None:
        return ""
    if _previewing_a_shared_content(toolbar):
        return _render_static_alias(context, static_code)
    html = page_cache.per_version(
        f"shared-content:{static_code}",
        lambda: str(_render_published(context, toolbar, static_code)),
    )
    return mark_safe(html)
