"""Shared content (djangocms-alias) on every page, rendered once per version of the site."""

from cms.toolbar.utils import get_toolbar_from_request
from django import template
from django.core.cache import cache
from django.template import engines
from django.utils.safestring import mark_safe

from coop_site import page_cache

register = template.Library()

CACHE_KEY = "coop:shared-content:{code}:{version}"
CACHE_SECONDS = 24 * 60 * 60  # a new version of the site makes a new key anyway
_static_alias = None


def _render_static_alias(context, static_code):
    global _static_alias
    if _static_alias is None:
        _static_alias = engines["django"].from_string(
            "{% load djangocms_alias_tags %}{% static_alias static_code %}"
        )
    with context.push(static_code=static_code):
        return _static_alias.template.render(context)


@register.simple_tag(takes_context=True)
def shared_content(context, static_code):
    """`{% static_alias static_code %}`, the same for every page: for a visitor
    (or staff outside edit and preview) its published version is rendered once
    per version of the site and kept in the cache; a save anywhere makes a new
    version, so it is never stale. In edit and preview modes, rendered each time
    with the CMS's editing markers."""
    request = context.get("request")
    toolbar = get_toolbar_from_request(request) if request is not None else None
    if toolbar is None or toolbar.edit_mode_active or toolbar.preview_mode_active:
        return _render_static_alias(context, static_code)
    key = CACHE_KEY.format(code=static_code, version=page_cache.current_version())
    html = cache.get(key)
    if html is None:
        html = _render_static_alias(context, static_code)
        cache.set(key, str(html), CACHE_SECONDS)
    return mark_safe(html)
