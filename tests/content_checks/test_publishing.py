"""Publishing a page through the versions admin's publish URL, the one the toolbar's « Publier »
and the versions list both post to, as an « Éditeur·rice »."""

import pytest
from django.urls import reverse
from djangocms_text.models import Text
from djangocms_versioning.constants import DRAFT, PUBLISHED

from tests.content_checks.factories import (
    add_text,
    draft_page,
    fresh,
    published_page,
    version_of,
)

pytestmark = pytest.mark.django_db


def publish_url(version):
    return reverse("admin:djangocms_versioning_pagecontentversion_publish", args=[version.pk])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def new_draft(content, editor, body):
    draft = version_of(content).copy(editor)
    placeholder = draft.content.get_placeholders().get(slot="content")
    Text.objects.filter(placeholder=placeholder).update(body=body)
    return draft


def test_a_blocking_problem_refuses_publication_and_the_public_page_stays(
    editor_client, editor, reload_urls
):
    content = published_page(
        editor, title="Accueil des familles", slug="familles", body="<p>Ouvert le mercredi.</p>"
    )
    draft = new_draft(content, editor, '<p>Fermé. <img src="/static/img/logo.svg"></p>')

    response = editor_client.post(publish_url(draft))

    assert response.status_code == 200
    html = response.content.decode()
    assert "n'est pas publiée" in html
    assert "n&#x27;a pas de texte alternatif" in html or "n'a pas de texte alternatif" in html
    assert "Publier quand même" not in html
    assert f"#bloc-{Text.objects.get(placeholder__in=draft.content.get_placeholders()).pk}" in html
    assert fresh(draft).state == DRAFT
    assert "Ouvert le mercredi." in editor_client.get("/familles/").content.decode()
    # The versions list still offers « Publier »: the check runs on the click, not on display.
    versions = editor_client.get(
        reverse("admin:djangocms_versioning_pagecontentversion_changelist"),
        {"page": content.page.pk, "language": "fr"},
    )
    assert publish_url(draft) in versions.content.decode()


def test_fixing_the_problem_allows_publication(editor_client, editor, reload_urls):
    content = draft_page(editor, title="Atelier cuisine", slug="atelier-cuisine")
    text = add_text(content, '<p>Inscriptions <a href="#">au secrétariat</a>.</p>')
    version = version_of(content)
    assert editor_client.post(publish_url(version)).status_code == 200
    assert fresh(version).state == DRAFT

    text.body = "<p>Inscriptions au secrétariat.</p>"
    text.save()
    response = editor_client.post(publish_url(version))

    assert response.status_code == 302
    assert fresh(version).state == PUBLISHED
    assert "Inscriptions au secrétariat." in editor_client.get("/atelier-cuisine/").content.decode()


def test_warnings_ask_for_confirmation_and_can_be_accepted(editor_client, editor, reload_urls):
    content = draft_page(editor, title="Jardin partagé", slug="jardin")
    add_text(
        content, '<h3>Le jardin</h3><p>Le planning est <a href="https://example.org/">ici</a>.</p>'
    )
    version = version_of(content)

    response = editor_client.post(publish_url(version))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Avertissements" in html and "Publier quand même" in html and "Revenir à la page" in html
    assert "un niveau est sauté" in html and "« ici »" in html
    assert fresh(version).state == DRAFT

    response = editor_client.post(publish_url(version), {"accepter_avertissements": "1"})

    assert response.status_code == 302
    assert fresh(version).state == PUBLISHED


def test_accepting_warnings_does_not_let_a_blocking_problem_through(editor_client, editor):
    content = draft_page(editor, title="Ludothèque", slug="ludotheque")
    add_text(content, '<p><a href="/plus-la/">Les jeux</a></p>')
    version = version_of(content)

    response = editor_client.post(publish_url(version), {"accepter_avertissements": "1"})

    assert response.status_code == 200
    assert "/plus-la/ n&#x27;existe pas" in response.content.decode()
    assert fresh(version).state == DRAFT


def test_a_block_that_fails_to_render_or_a_malformed_address_never_gives_a_500(
    editor_client, editor
):
    from tests.content_checks.factories import MarkupPlugin

    content = draft_page(editor, title="Marché", slug="marche")
    try:
        MarkupPlugin.add(content, '<p>Le <a href="http://[marche">plan du marché</a>.</p>')
        MarkupPlugin.add(content, "{% url 'adresse-qui-n-existe-pas' %}")
        response = editor_client.post(publish_url(version_of(content)))
    finally:
        MarkupPlugin.unregister_all()

    assert response.status_code == 200
    html = response.content.decode()
    assert "n&#x27;est pas valide" in html
    assert "n&#x27;a pas pu être affiché" in html
    assert fresh(version_of(content)).state == DRAFT


def test_the_site_notice_is_checked_too_before_every_page_shows_it(editor_client, editor):
    from cms.api import add_plugin
    from django.test import Client
    from djangocms_alias.models import AliasContent

    from coop_site.shared_contents import ensure_shared_contents
    from tests.news.factories import home_page

    home_page()
    ensure_shared_contents(editor)
    notice = AliasContent.admin_manager.get(alias__static_code="avis-du-site")
    text = add_plugin(
        notice.placeholder,
        "TextPlugin",
        "fr",
        body='<p>Fermé le 11 novembre : <a href="#">horaires</a>.</p>',
    )
    version = version_of(notice)
    url = reverse("admin:djangocms_versioning_aliascontentversion_publish", args=[version.pk])

    response = editor_client.post(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "« horaires » ne mène nulle part" in html
    assert f"#bloc-{text.pk}" in html
    assert fresh(version).state == DRAFT
    assert "Fermé le 11 novembre" not in Client().get("/").content.decode()

    text.body = "<p>Fermé le 11 novembre.</p>"
    text.save()
    assert editor_client.post(url).status_code == 302
    assert fresh(version).state == PUBLISHED
    assert "Fermé le 11 novembre." in Client().get("/").content.decode()
