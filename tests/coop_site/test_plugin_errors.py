"""One plugin that fails must never blank the page around it."""

import logging

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from cms.toolbar.utils import get_object_edit_url
from django.template import engines
from djangocms_versioning.models import Version

pytestmark = pytest.mark.django_db


class BrokenPlugin(CMSPluginBase):
    """Fails in its render() or in its template, like a bug in any plugin would."""

    name = "Bloc en panne"
    broken_in = "render"  # "render", "template" or "" once repaired

    def _get_render_template(self, context, instance, placeholder):
        return engines["django"].from_string(
            "{% if broken %}{{ explode.now }}{% else %}<p>Bloc réparé</p>{% endif %}"
        )

    def render(self, context, instance, placeholder):
        if self.broken_in == "render":
            raise RuntimeError("panne dans render()")
        context["broken"] = self.broken_in == "template"
        context["explode"] = Exploding()
        return context


class Exploding:
    @property
    def now(self):
        raise RuntimeError("panne dans le gabarit")


@pytest.fixture
def broken_plugin():
    plugin_pool.register_plugin(BrokenPlugin)
    BrokenPlugin.broken_in = "render"
    yield BrokenPlugin
    plugin_pool.unregister_plugin(BrokenPlugin)


def page_around(plugin_class, user):
    page = create_page("Panne", "pages/one_column.html", "fr", slug="panne", created_by=user)
    content = PageContent.admin_manager.get(page=page, language="fr")
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "fr", body="<p>Premier texte</p>")
    broken = add_plugin(placeholder, plugin_class, "fr")
    add_plugin(placeholder, "TextPlugin", "fr", body="<p>Second texte</p>")
    return content, broken


@pytest.mark.parametrize("broken_in", ["render", "template"])
def test_a_failing_plugin_leaves_the_rest_of_the_placeholder(
    client, admin_user, broken_plugin, caplog, broken_in
):
    broken_plugin.broken_in = broken_in
    content, broken = page_around(broken_plugin, admin_user)
    Version.objects.get_for_content(content).publish(admin_user)

    with caplog.at_level(logging.ERROR):
        response = client.get("/panne/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Premier texte" in html and "Second texte" in html
    assert "Bloc réparé" not in html and "panne dans" not in html
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert f"#{broken.pk}" in errors[0].getMessage()
    assert errors[0].exc_info and "panne" in str(errors[0].exc_info[1])


def test_a_repaired_plugin_shows_at_once_the_failure_was_not_cached(
    client, admin_user, broken_plugin
):
    content, _ = page_around(broken_plugin, admin_user)
    Version.objects.get_for_content(content).publish(admin_user)
    assert "Bloc réparé" not in client.get("/panne/").content.decode()

    broken_plugin.broken_in = ""

    assert "Bloc réparé" in client.get("/panne/").content.decode()


def test_the_editor_sees_a_french_notice_in_place_of_the_plugin(client, admin_user, broken_plugin):
    content, broken = page_around(broken_plugin, admin_user)
    client.force_login(admin_user)

    response = client.get(get_object_edit_url(content))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Premier texte" in html and "Second texte" in html
    assert "Ce bloc n&#x27;a pas pu être affiché" in html
    assert f"cms-plugin-{broken.pk}" in html  # still a plugin the editor can open
