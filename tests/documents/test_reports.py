"""Evaluation reports appear in the library through the evaluation app, never entered twice."""

import pytest

from documents.models import Document
from houses.models import House
from tests.evaluation.factories import evaluation_page, make_report

from .factories import library_page, make_document
from .test_library import _count_queries, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(reload_urls):
    library_page()
    evaluation_page()
    reload_urls()


def test_published_reports_are_listed_with_their_download(client, pages):
    report = make_report(year=2019, title="Rapport annuel 2019")
    make_report(year=2020, title="Rapport en préparation", published=False)
    make_document("Plaquette", year=2018)

    response = client.get("/documents/")
    html = response.content.decode()

    assert titles(response) == ["Rapport annuel 2019", "Plaquette"]
    assert f'href="{report.download_url}" download>' in html
    assert f'href="{report.get_absolute_url()}"' in html
    assert "Rapport d&#x27;évaluation (Rapport annuel, 2019)" in html
    assert "3 pages)" in html
    assert not Document.objects.filter(title="Rapport annuel 2019").exists()
    download = client.get(report.download_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_reports_follow_the_filters(client, pages):
    make_report(year=2019, title="Rapport annuel 2019")
    ors = House.objects.create(name="Les Ors", short_name="Ors", slug="ors", kind="centre_social")
    coop = House.objects.create(
        name="La Coopération", short_name="Coopération", slug="coop", kind="cooperation"
    )
    make_document("Programme des Ors", year=2019, houses=[ors])

    assert titles(client.get("/documents/", {"year": "2019", "kind": "pdf"})) == [
        "Rapport annuel 2019",
        "Programme des Ors",
    ]
    assert titles(client.get("/documents/", {"year": "2019", "house": "ors"})) == [
        "Programme des Ors"
    ]
    assert titles(client.get("/documents/", {"kind": "image"})) == []
    assert titles(client.get("/documents/", {"house": "ors"})) == ["Programme des Ors"]
    assert titles(client.get("/documents/", {"house": "coop"})) == ["Rapport annuel 2019"]
    assert coop.is_cooperation


def test_query_count_does_not_grow_with_the_reports(client, pages):
    make_report(year=2017)
    make_document("Plaquette")
    client.get("/documents/")  # the CMS fills its caches over two requests
    client.get("/documents/")
    few = _count_queries(client, "/documents/")

    for year in (2018, 2019, 2020):
        make_report(year=year)
    client.get("/documents/")

    assert _count_queries(client, "/documents/") == few


def test_a_report_is_dated_by_its_publication_not_its_upload(client, pages):
    from datetime import date

    from django.utils import timezone

    from evaluation import services

    report = make_report(year=2018, title="Rapport 2018", published=False)
    services.mark_published(report=report, published_on=date(2018, 11, 15))
    make_document("Plaquette", year=2019, published_on=date(2019, 3, 1))
    make_document("Affiche", year=2018, published_on=date(2018, 5, 20))

    response = client.get("/documents/")
    html = response.content.decode()

    assert titles(response) == ["Plaquette", "Rapport 2018", "Affiche"]
    assert '<time datetime="2018-11-15">15 novembre 2018</time>' in html
    assert timezone.localdate().isoformat() not in html
