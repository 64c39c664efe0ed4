"""One plugin that fails is left out; the rest of its placeholder is shown.

django CMS joins a placeholder's plugins inside one `try` and, on any
exception, renders nothing for the whole placeholder (CMS_CATCH_PLUGIN_500_EXCEPTION)
while the page still answers 200, so a single broken plugin silently
empties a page, and that empty placeholder is even cached. Here each
plugin is rendered inside its own `try`: the error is logged with the
plugin's id and traceback, visitors see every other plugin, editors see a
short notice in place of the broken one (still double-clickable to open
it), and neither the placeholder nor the page is cached while a plugin fails.

The renderers are the CMS's own classes, handed out by a toolbar subclass
that `IsolatedPluginsMiddleware` installs right after the CMS's toolbar
middleware (which `cms check` requires by name). One path escapes it: the CMS rebuilds a plain toolbar for the
edit mode of a page holding an apphook, where its own catch remains.
"""

import logging

from cms.cache.placeholder import clear_placeholder_cache
from cms.plugin_rendering import ContentRenderer, LegacyRenderer
from cms.toolbar.toolbar import CMSToolbar
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class IsolatedPluginsMixin:
    _failed_placeholder_ids = None

    def render_plugin(self, instance, context, placeholder=None, editable=False):
        try:
            return super().render_plugin(instance, context, placeholder, editable)
        except Exception:
            return self.render_failed_plugin(
                instance, placeholder or instance.placeholder, editable
            )

    def render_failed_plugin(self, instance, placeholder, editable):
        logger.error(
            "Plugin #%s (%s) du placeholder « %s » (#%s) : erreur au rendu, plugin omis.",
            instance.pk,
            instance.plugin_type,
            placeholder.slot,
            placeholder.pk,
            exc_info=True,
        )
        if self._failed_placeholder_ids is None:
            self._failed_placeholder_ids = set()
        self._failed_placeholder_ids.add(placeholder.pk)
        # The page cache must not keep a page with a hole in it.
        self.toolbar._cache_disabled = True
        if not editable:
            return ""
        notice = format_html(
            '<p class="notice notice--error" role="status">{}</p>',
            _(
                "Ce bloc n'a pas pu être affiché (erreur n° {id}) : les visiteurs ne le voient "
                "pas. Ouvrez-le pour le corriger, ou prévenez l'administrateur du site."
            ).format(id=instance.pk),
        )
        # Wrapped like any plugin, so that a double-click opens its form.
        self._rendered_plugins_by_placeholder.setdefault(placeholder.pk, {}).setdefault(
            "plugins", []
        ).append(instance)
        return self.plugin_edit_template.format(
            pk=instance.pk,
            placeholder=instance.placeholder_id,
            content=notice,
            position=instance.position,
            disabled="",
        )

    def render_placeholder(self, placeholder, context, language=None, *args, **kwargs):
        content = super().render_placeholder(placeholder, context, language, *args, **kwargs)
        if self._failed_placeholder_ids and placeholder.pk in self._failed_placeholder_ids:
            # Drop what the CMS has just cached: the next visitor gets a fresh try.
            clear_placeholder_cache(
                placeholder, language or self.request_language, self.current_site.pk
            )
        return content


class IsolatedPluginsContentRenderer(IsolatedPluginsMixin, ContentRenderer):
    pass


class IsolatedPluginsLegacyRenderer(IsolatedPluginsMixin, LegacyRenderer):
    pass


class IsolatedPluginsToolbar(CMSToolbar):
    @cached_property
    def content_renderer(self):
        return IsolatedPluginsContentRenderer(request=self.request)

    @cached_property
    def legacy_renderer(self):
        return IsolatedPluginsLegacyRenderer(request=self.request)


class IsolatedPluginsMiddleware:
    """Put right after the CMS's ToolbarMiddleware: swaps in the toolbar above."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if hasattr(request, "toolbar"):
            request.toolbar = SimpleLazyObject(lambda: IsolatedPluginsToolbar(request))
        return self.get_response(request)
