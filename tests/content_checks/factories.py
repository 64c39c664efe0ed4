"""Pages with one problem each, built through the CMS's own API."""

from cms.api import add_plugin, create_page
from cms.models import PageContent
from djangocms_versioning.models import Version


def draft_page(user, *, title="Vie de quartier", slug="vie-de-quartier", parent=None):
    page = create_page(
        title, "pages/one_column.html", "fr", slug=slug, created_by=user, parent=parent
    )
    return PageContent.admin_manager.get(page=page, language="fr")


def add_text(content, body, slot="content"):
    placeholder = content.get_placeholders().get(slot=slot)
    return add_plugin(placeholder, "TextPlugin", "fr", body=body)


def version_of(content):
    return Version.objects.get_for_content(content)


def fresh(version):
    return Version.objects.get(pk=version.pk)


def published_page(user, *, title, slug, body="<p>Bonjour.</p>"):
    content = draft_page(user, title=title, slug=slug)
    add_text(content, body)
    version_of(content).publish(user)
    return content


class MarkupPlugin:
    """A block of another app whose template writes `html` (a media player, a table...).

    The check reads rendered HTML, whatever plugin wrote it: this stands for the
    blocks of apps that the text editor's sanitiser would not let through.
    """

    registered = {}

    @classmethod
    def add(cls, content, html, slot="content", allow_children=False):
        from cms.plugin_base import CMSPluginBase
        from cms.plugin_pool import plugin_pool
        from django.template import engines

        name = f"CheckMarkup{len(cls.registered)}Plugin"
        plugin_class = type(
            name,
            (CMSPluginBase,),
            {
                "name": "Bloc de test",
                "render_template": engines["django"].from_string(html),
                "allow_children": allow_children,
                "__module__": __name__,
            },
        )
        plugin_pool.register_plugin(plugin_class)
        cls.registered[name] = plugin_class
        placeholder = content.get_placeholders().get(slot=slot)
        return add_plugin(placeholder, name, "fr")

    @classmethod
    def unregister_all(cls):
        from cms.plugin_pool import plugin_pool

        for plugin_class in cls.registered.values():
            plugin_pool.unregister_plugin(plugin_class)
        cls.registered.clear()
