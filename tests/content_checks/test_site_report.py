"""`manage.py check_links` and the admin page list the broken links and missing files of the site."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.content_checks.factories import add_text, draft_page, published_page, version_of
from tests.documents.factories import make_document

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/liens-casses/"


def run_command():
    out = io.StringIO()
    try:
        call_command("check_links", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


@pytest.fixture
def broken_site(editor, reload_urls):
    """A published page linking to a page since unpublished, and a document whose file is gone."""
    target = published_page(editor, title="Fête d'été", slug="fete-ete")
    content = draft_page(editor, title="Agenda de l'été", slug="agenda-ete")
    text = add_text(
        content,
        f'<p>Voir <a href="/fete-ete/">la fête</a> et '
        f'<a data-cms-href="cms.page:{target.page.pk}">le programme</a>.</p>',
    )
    version_of(content).publish(editor)
    version_of(target).unpublish(editor)
    document = make_document("Compte rendu 2019", year=2019)
    Path(document.file.file.path).unlink()
    return content, text, document


def test_the_command_lists_a_broken_link_and_a_missing_file_with_where_they_are(broken_site):
    content, text, document = broken_site

    out, error = run_command()

    assert "Page « Agenda de l'été » (/agenda-ete/), bloc « Texte »" in out
    assert "/fete-ete/ n'existe pas" in out
    assert "« le programme » mène à une page supprimée ou pas encore publiée" in out
    assert f"#bloc-{text.pk}" in out
    assert "« Compte rendu 2019 »" in out and "n'a plus son fichier" in out
    assert "n'est plus sur le serveur" in out  # the media library's file itself
    assert error == "2 lien(s) cassé(s) et 2 fichier(s) manquant(s)."


def test_the_admin_page_lists_them_for_staff_only(client, editor, broken_site, django_user_model):
    content, text, document = broken_site
    assert client.get(REPORT_URL).status_code == 302  # to the login page

    client.force_login(editor)
    index = client.get(reverse("admin:index")).content.decode()
    assert f'href="{REPORT_URL}"' in index and "Liens cassés et fichiers manquants" in index

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "2 liens cassés" in html and "2 fichiers manquants" in html
    assert "Agenda de l&#x27;été" in html and f"#bloc-{text.pk}" in html
    assert reverse("admin:documents_document_change", args=[document.pk]) in html


def test_nothing_to_fix_on_the_clean_demo(client, demo, admin_user):
    out, error = run_command()

    assert error is None, out
    assert "Aucun lien cassé, aucun fichier manquant." in out

    client.force_login(admin_user)
    html = client.get(REPORT_URL).content.decode()
    assert "rien à corriger" in html
