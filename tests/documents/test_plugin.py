"""The "Documents à télécharger" plugin on a CMS page."""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from djangocms_versioning.models import Version

from .factories import make_document, make_file, pdf_bytes

pytestmark = pytest.mark.django_db


def page_with_documents(user, **data):
    page = create_page(
        "Nos rapports", "pages/one_column.html", "fr", slug="rapports", created_by=user
    )
    content = PageContent.admin_manager.get(page=page, language="fr")
    placeholder = content.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "DocumentsPlugin", "fr", **data)
    return content, plugin


def test_link_says_what_it_downloads(client, admin_user):
    report = make_document(
        "Rapport d'activité 2018",
        file=make_file("ra-2018.pdf", pdf_bytes(pages=3, padding=300 * 1024)),
    )
    content, plugin = page_with_documents(admin_user, title="Nos rapports")
    plugin.documents.add(report)
    Version.objects.get_for_content(content).publish(admin_user)

    html = client.get("/rapports/").content.decode()

    assert '<h2 id="documents-' in html
    assert f'href="{report.file.url}" download>' in html
    assert "« Rapport d&#x27;activité 2018 »</span> (PDF, 30" in html
    assert "ko, 3 pages)" in html


def test_without_a_choice_the_latest_published_documents_show(client, admin_user):
    for year in (2015, 2016, 2017):
        make_document(f"Rapport {year}", year=year)
    make_document("Brouillon", year=2019, is_published=False)
    make_document("Privé", year=2019, file=make_file("prive.pdf", is_public=False))
    content, _ = page_with_documents(admin_user, limit=2)
    Version.objects.get_for_content(content).publish(admin_user)

    html = client.get("/rapports/").content.decode()

    assert "Rapport 2017" in html and "Rapport 2016" in html
    assert "Rapport 2015" not in html
    assert "Brouillon" not in html and "Privé" not in html


def test_a_new_draft_keeps_the_chosen_documents(client, admin_user):
    chosen = make_document("Plaquette", year=2016)
    make_document("Autre", year=2019)
    content, plugin = page_with_documents(admin_user)
    plugin.documents.add(chosen)
    version = Version.objects.get_for_content(content)
    version.publish(admin_user)

    version.copy(admin_user).publish(admin_user)

    html = client.get("/rapports/").content.decode()
    assert "Plaquette" in html and "Autre" not in html
