"""A file that disappears from storage, or becomes private, breaks no page and leaves no dead link."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from filer.models import File

from documents.models import Document
from evaluation.models import Report
from evaluation.storage import private_root
from galleries.models import Gallery
from houses.models import Event, House
from news.models import NewsItem
from tests.documents.factories import library_page, make_document, make_file, pdf_bytes

pytestmark = pytest.mark.django_db


def download_links(html):
    return {link for link in _hrefs(html) if "/media/" in link or "/telecharger" in link}


def _hrefs(html):
    import re

    return re.findall(r'href="([^"]+)"', html)


# A file that vanishes from the storage is no save: a page already in the page
# cache keeps its link until the next change or midnight (README, « Cache des
# pages »). This test is about the render, so it renders each time.
@pytest.mark.usefixtures("page_cache_off")
def test_a_document_whose_file_disappears_leaves_the_library(client, reload_urls):
    library_page()
    reload_urls()
    kept = make_document("Plaquette de la Coopération", year=2020)
    lost = make_document(
        "Compte rendu perdu", year=2021, file=make_file("perdu.pdf", pdf_bytes(pages=2))
    )
    assert "Compte rendu perdu" in client.get("/documents/").content.decode()

    Path(lost.file.file.path).unlink()

    response = client.get("/documents/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Compte rendu perdu" not in html and lost.file.url not in html
    assert "Plaquette de la Coopération" in html and kept.file.url in html


def test_a_document_whose_file_becomes_private_leaves_the_library(client, reload_urls):
    library_page()
    reload_urls()
    document = make_document("Budget interne", year=2021)
    document.file.is_public = False
    document.file.save()

    html = client.get("/documents/").content.decode()

    assert "Budget interne" not in html


def test_every_page_still_renders_when_the_media_files_are_gone(client, demo):
    """The demo site with its media and private folders emptied: pages render, no link is dead."""
    pages = ["/", "/documents/", "/actualites/", "/agenda/", "/maisons/", "/evaluation/"]
    pages += [house.get_absolute_url() for house in House.objects.all()[:3]]
    pages += [item.get_absolute_url() for item in NewsItem.objects.filter(image__isnull=False)[:3]]
    pages += [event.get_absolute_url() for event in Event.objects.filter(image__isnull=False)[:3]]
    pages += [report.get_absolute_url() for report in Report.objects.published()[:2]]
    assert File.objects.exists() and Gallery.objects.exists() and Document.objects.exists()
    assert Report.objects.published().exclude(pdf="").exists()

    for root in (Path(settings.MEDIA_ROOT), Path(private_root())):
        shutil.rmtree(root, ignore_errors=True)

    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for link in download_links(html):
            assert client.get(link).status_code == 200, f"{url}: dead link {link}"
    library = client.get("/documents/").content.decode()
    assert not download_links(library)
