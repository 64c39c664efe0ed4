"""The staff screens speak French, django CMS's own included.

Our models name every field in French; the CMS's strings that upstream
leaves in English ("placeholder", "Slug", "Ajout de text"...) get French in
locale/third_party/; the toolbar's "Help" menu, which only leads to English
sites on the internet ("What's new"...), is hidden.
"""

import re
from urllib.parse import urlencode

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise
from lxml import html as lxml_html

from tests.evaluation.factories import make_report

pytestmark = pytest.mark.django_db

LOCAL_APPS = [
    "coop_site",
    "houses",
    "charter",
    "evaluation",
    "news",
    "galleries",
    "documents",
    "people",
    "partners",
    "associations",
]
ENGLISH = ["What's new", "What&#x27;s new", "Discord", ">Help<", "django-cms.org", "placeholder «"]


@pytest.fixture
def draft(editor):
    page = create_page("Projet", "pages/one_column.html", "fr", slug="projet", created_by=editor)
    return PageContent.admin_manager.get(page=page, language="fr")


def decoded(response):
    # The toolbar's strings also travel as JSON (\u00e0...): read them as text.
    html = response.content.decode()
    return html + re.sub(
        r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html.replace('\\"', '"')
    )


@pytest.mark.parametrize("url_of", [get_object_edit_url, get_object_structure_url])
def test_edit_mode_and_structure_board_have_no_english_help_menu(client, editor, draft, url_of):
    client.force_login(editor)

    page = decoded(client.get(url_of(draft)))

    assert "cms-toolbar" in page
    for words in ENGLISH:
        assert words not in page, words
    assert "Ajouter un bloc à la zone « Contenu principal »" in page


def test_add_plugin_form_of_a_text_is_french(client, editor, draft):
    client.force_login(editor)
    placeholder = draft.get_placeholders().get(slot="content")
    query = {
        "placeholder_id": placeholder.pk,
        "plugin_type": "TextPlugin",
        "plugin_language": "fr",
        "plugin_position": 1,
    }

    page = client.get(reverse("admin:cms_placeholder_add_plugin") + "?" + urlencode(query))

    html = page.content.decode()
    assert "<h1>Ajout : texte</h1>" in html
    assert re.search(r"<label[^>]*>Texte\s*:</label>", html)
    assert "Ajout de text" not in html
    assert not re.search(r">\s*Body", html)


def test_new_page_form_says_adresse_web_not_slug(client, admin_user):
    client.force_login(admin_user)

    html = client.get(reverse("admin:cms_pagecontent_add") + "?language=fr").content.decode()

    assert re.search(r"<label[^>]*>Adresse web\s*:</label>", html)
    assert "Slug" not in html


def test_report_list_names_the_period_column_in_french(client, admin_user):
    make_report(with_pdf=False, published=False)
    client.force_login(admin_user)

    html = client.get(reverse("admin:evaluation_report_changelist")).content.decode()

    headers = [th.text_content().strip() for th in lxml_html.fromstring(html).xpath("//thead//th")]
    assert "Période" in headers
    assert not [h for h in headers if re.search("period", h, re.IGNORECASE)]


def english_names():
    """Model and field names of our apps that no catalogue can translate."""
    found = []
    for app in LOCAL_APPS:
        for model in apps.get_app_config(app).get_models():
            if not isinstance(model._meta.original_attrs.get("verbose_name"), Promise):
                found.append(model.__name__)
            for field in model._meta.get_fields():
                inherited = field.model is not model or field.name.endswith("_ptr")
                if field.auto_created or inherited or field.name == "id":
                    continue
                if not isinstance(getattr(field, "verbose_name", ""), Promise):
                    found.append(f"{model.__name__}.{field.name}")
    return found


def test_every_model_and_field_of_ours_has_a_french_name():
    assert english_names() == []


def test_the_admin_index_names_the_page_versions_in_french(client, editor):
    client.force_login(editor)

    html = client.get(reverse("admin:index")).content.decode()

    assert "Page content version" not in html
    assert "Versions des pages" in html
