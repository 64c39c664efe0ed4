"""/sitemap.xml lists exactly the public site; /robots.txt points at it."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from cms.api import create_page
from cms.models import PageContent
from django.contrib.sites.models import Site
from django.utils import timezone
from djangocms_versioning.models import Version

from evaluation.models import Report
from news.models import NewsItem
from tests.documents.factories import make_document, make_file
from tests.evaluation.factories import evaluation_page, make_report
from tests.news.factories import make_news, news_page

from .helpers import path_of

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_domain():
    site = Site.objects.get_current()
    site.domain = "www.exemple.fr"
    site.save()
    yield site.domain
    Site.objects.clear_cache()  # the rollback restores the row, not Django's cache of it


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def unpublished_things(admin_user):
    """A draft page, a page taken offline, a draft report, a private and an unpublished
    document, a draft and a future news item: none of them may be listed."""
    create_page(
        "Brouillon secret", "pages/one_column.html", "fr", slug="brouillon-secret",
        created_by=admin_user,
    )  # fmt: skip
    offline = create_page(
        "Hors ligne", "pages/one_column.html", "fr", slug="hors-ligne", created_by=admin_user
    )
    version = Version.objects.get_for_content(
        PageContent.admin_manager.get(page=offline, language="fr")
    )
    version.publish(admin_user)
    version.unpublish(admin_user)
    make_report(year=2031, published=False, title="Rapport pas encore publié")
    private = make_document(
        "Document privé", file=make_file("prive.pdf", is_public=False), is_published=True
    )
    unpublished = make_document(
        "Document non publié", file=make_file("non-publie.pdf"), is_published=False
    )
    draft = make_news(title="Brouillon d'actualité", status=NewsItem.Status.DRAFT, days_ago=1)
    future = make_news(title="Actualité de demain", days_ago=-1)
    return {
        "/brouillon-secret/",
        "/hors-ligne/",
        "/evaluation/2031/",
        private.download_url,
        unpublished.download_url,
        draft.get_absolute_url(),
        future.get_absolute_url(),
    }


def test_the_sitemap_lists_every_public_object_and_each_answers_200(
    client, demo, admin_user, site_domain
):
    hidden = unpublished_things(admin_user)

    entries = sitemap_entries(client)

    assert all(loc.startswith("http://www.exemple.fr/") for loc in entries)
    paths = {path_of(loc): lastmod for loc, lastmod in entries.items()}
    assert not hidden & set(paths), hidden & set(paths)
    for expected in [
        "/",
        "/la-cooperation/",
        "/maisons/les-ors/",
        "/activites/atelier-conserverie/",
        "/agenda/sortie-familles-annulee/",
        "/actualites/la-conserverie-mobile-sort-d-usine/",
        "/evaluation/2019/",
        "/evaluation/2017/synthese/",
        "/documents/",
        "/partenaires/",
        "/associations/chorale-du-quartier-exemple/",
        "/salles/les-ors/salle-de-reunion/",
    ]:
        assert expected in paths
    assert [p for p in paths if p.startswith("/media/filer_public/")], "documents publics"
    # Pages, news, reports and documents say when they last changed.
    for path in ["/la-cooperation/", "/actualites/la-conserverie-mobile-sort-d-usine/",
                 "/evaluation/2019/", "/maisons/les-ors/"]:  # fmt: skip
        assert paths[path], path
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_a_published_page_with_a_new_draft_stays_listed_with_its_published_address(
    client, demo, admin_user
):
    content = PageContent.objects.get(page__reverse_id="la-cooperation", language="fr")
    Version.objects.get_for_content(content).copy(admin_user)  # a draft, not published

    paths = {path_of(loc) for loc in sitemap_entries(client)}

    assert "/la-cooperation/" in paths


def test_draft_reports_are_not_in_the_reports_feed_and_the_newest_comes_first(client, reload_urls):
    evaluation_page()
    reload_urls()
    # Newest by publication date: a report on an older year may come out later.
    first = make_report(year=2019, title="Premier rapport")
    newest = make_report(year=2017, title="Dernier rapport")
    Report.objects.filter(pk=first.pk).update(published_on="2020-03-01")
    Report.objects.filter(pk=newest.pk).update(published_on="2021-01-15")
    make_report(year=2021, published=False, title="Rapport en préparation")

    feed = feedparser.parse(client.get("/evaluation/flux/rss/").content)

    assert [entry.title for entry in feed.entries] == [
        "Dernier rapport (2017)",
        "Premier rapport (2019)",
    ]
    assert feed.entries[0].summary == "Résumé du rapport 2017."
    assert feed.entries[1].link == "http://example.com/evaluation/2019/"


def test_robots_txt_keeps_the_admin_out_and_points_at_the_sitemap(client, site_domain):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://www.exemple.fr/sitemap.xml" in lines


def test_the_sitemap_keeps_a_year_of_past_events_in_a_fixed_number_of_queries(
    client, reload_urls, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.houses.conftest import create_houses_pages
    from tests.houses.factories import make_activity, make_event, make_house

    create_houses_pages()
    news_page()
    reload_urls()
    house = make_house()
    old = make_event(house, starts_at=timezone.now() - datetime.timedelta(days=400))
    recent = make_event(house, starts_at=timezone.now() - datetime.timedelta(days=30))
    for _ in range(3):
        make_event(house)
        make_activity(house)
        make_news()
    with CaptureQueriesContext(connection) as few:
        paths = {path_of(loc) for loc in sitemap_entries(client)}
    for _ in range(27):
        make_event(house)
        make_activity(house)
        make_news()

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(sitemap_entries(client)) == len(paths) + 27 * 3

    assert recent.get_absolute_url() in paths
    assert old.get_absolute_url() not in paths
