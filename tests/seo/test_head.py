"""Every page's <head> as a link preview and a search engine read it, and its JSON-LD."""

import datetime
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.utils import timezone
from PIL import Image

from coop_site.seo import canonical_url
from houses.models import Event, House
from tests.houses.factories import add_closure, make_event

from .helpers import head_of, json_ld_blocks, json_ld_of_type, link_href, meta, path_of

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "CMS page": "/la-cooperation/",
    "house": "/maisons/les-ors/",
    "activity": "/activites/atelier-conserverie/",
    "event": "/agenda/sortie-familles-annulee/",
    "news": "/actualites/la-conserverie-mobile-sort-d-usine/",
    "report": "/evaluation/2019/",
    "documents": "/documents/",
    "agenda": "/agenda/",
}
OPEN_GRAPH = ["og:title", "og:description", "og:url", "og:image", "og:type", "og:locale"]


def get_html(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def test_every_kind_of_page_has_one_title_a_description_open_graph_and_a_canonical_url(
    client, demo
):
    for kind, path in PAGES.items():
        html = get_html(client, path)
        head = head_of(html)
        assert head.count("<title>") == 1 and html.count("<title>") == 1, kind
        title = re.search(r"<title>(.*?)</title>", head).group(1)
        assert title.endswith(" · Maisons de Quartier de Romans"), kind
        assert meta(html, "description"), kind
        assert len(meta(html, "description")) <= 160, kind
        for key in OPEN_GRAPH:
            assert meta(html, key), f"{kind}: {key}"
        assert meta(html, "og:locale") == "fr_FR"
        assert meta(html, "og:site_name") == "Maisons de Quartier de Romans"
        assert meta(html, "twitter:card") in {"summary", "summary_large_image"}
        assert meta(html, "og:image").startswith("http://127.0.0.1:8000/"), kind
        assert link_href(html, "canonical") == [f"http://127.0.0.1:8000{path}"], kind
        assert meta(html, "og:url") == f"http://127.0.0.1:8000{path}", kind
        # The site's five feeds are offered on every page, once each.
        alternates = link_href(html, "alternate")
        assert alternates == [
            "/actualites/flux/rss/",
            "/actualites/flux/atom/",
            "/agenda.ics",
            "/evaluation/flux/rss/",
            "/radio/podcast.xml",
        ], kind
        assert "<meta " not in html.split("</head>")[1], f"{kind}: meta hors du head"
        for block in json_ld_blocks(html):
            assert block["@context"] == "https://schema.org"


def test_titles_and_descriptions_say_what_the_page_shows(client, demo):
    cms = get_html(client, "/la-cooperation/")
    assert meta(cms, "og:title") == "La Coopération"

    house = get_html(client, "/maisons/les-ors/")
    assert meta(house, "og:title") == House.objects.get(slug="les-ors").name
    assert meta(house, "description") == House.objects.get(slug="les-ors").tagline

    event = get_html(client, "/agenda/sortie-familles-annulee/")
    assert meta(event, "description").startswith("Balade et goûter partagé.")


def test_share_images_are_the_object_s_own_and_answer_200_to_a_visitor(client, demo):
    report = get_html(client, "/evaluation/2019/")
    news = get_html(client, "/actualites/la-conserverie-mobile-sort-d-usine/")
    home = get_html(client, "/")

    assert path_of(meta(report, "og:image")) == "/evaluation/2019/rapport-annuel/couverture/"
    assert meta(report, "og:image:width") and meta(report, "og:image:height")
    assert meta(report, "twitter:card") == "summary"  # a portrait cover is not cropped
    assert "/media/filer_public_thumbnails/" in meta(news, "og:image")
    assert meta(news, "og:type") == "article"
    assert meta(news, "twitter:card") == "summary_large_image"
    assert meta(home, "og:image").endswith("/static/img/partage.png")
    assert (meta(home, "og:image:width"), meta(home, "og:image:height")) == ("1200", "630")
    client.logout()
    for html in (report, news):
        response = client.get(path_of(meta(html, "og:image")))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("image/")
    # The tests serve no static files (whitenoise does, after collectstatic): read it.
    with Image.open(finders.find("img/partage.png")) as default:
        assert default.size == (1200, 630)


def test_the_404_page_has_a_title_and_open_graph_but_no_canonical_and_is_not_indexed(client, demo):
    html = get_html(client, "/nulle-part/", status=404)

    assert html.count("<title>") == 1
    assert meta(html, "robots") == "noindex"
    assert link_href(html, "canonical") == []
    assert meta(html, "og:title") == "Page introuvable"


def test_home_describes_the_cooperation_and_its_member_organisations(client, demo):
    organisation = json_ld_of_type(get_html(client, "/"), "Organization")

    assert organisation["name"] == House.objects.get(kind=House.Kind.COOPERATION).name
    assert organisation["url"] == "http://127.0.0.1:8000/"
    members = {member["name"]: member["url"] for member in organisation["member"]}
    assert set(members) == set(House.objects.neighbourhood_houses().values_list("name", flat=True))
    assert len(members) == 4
    assert members["Maison de quartier des Ors"] == "http://127.0.0.1:8000/maisons/les-ors/"


def test_a_house_is_a_place_with_its_address_weekly_hours_and_closures(client, demo):
    ors = House.objects.get(slug="les-ors")
    today = timezone.localdate()
    add_closure(ors, today + datetime.timedelta(days=10), today + datetime.timedelta(days=12))

    place = json_ld_of_type(get_html(client, "/maisons/les-ors/"), "CivicStructure")

    assert place["name"] == ors.name
    assert place["address"]["streetAddress"] == ors.street_address
    assert place["address"]["addressLocality"] == "Romans-sur-Isère"
    weekly = [spec for spec in place["openingHoursSpecification"] if "dayOfWeek" in spec]
    assert len(weekly) == ors.opening_hours.count()
    monday = [spec for spec in weekly if spec["dayOfWeek"] == "https://schema.org/Monday"]
    assert monday and all(re.fullmatch(r"\d\d:\d\d", spec["opens"]) for spec in monday)
    closure = {
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": (today + datetime.timedelta(days=10)).isoformat(),
        "validThrough": (today + datetime.timedelta(days=12)).isoformat(),
        "description": "Vacances",
    }
    assert closure in place["openingHoursSpecification"]


def test_events_are_events_cancelled_ones_say_so_and_have_a_location(client, demo):
    cancelled = json_ld_of_type(get_html(client, "/agenda/sortie-familles-annulee/"), "Event")
    ors = House.objects.get(slug="les-ors")
    in_a_house = make_event(ors, title="Atelier aux Ors", slug="atelier-aux-ors")
    scheduled = json_ld_of_type(get_html(client, "/agenda/atelier-aux-ors/"), "Event")

    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["location"]["@type"] == "Place" and cancelled["location"]["name"]
    assert scheduled["eventStatus"] == "https://schema.org/EventScheduled"
    assert scheduled["name"] == "Atelier aux Ors"
    assert scheduled["location"]["name"] == ors.name
    assert scheduled["location"]["address"]["streetAddress"] == ors.street_address
    assert scheduled["organizer"]["name"] == ors.name
    start = datetime.datetime.fromisoformat(scheduled["startDate"])
    assert start == in_a_house.starts_at and start.tzinfo is not None
    assert datetime.datetime.fromisoformat(scheduled["endDate"]) == in_a_house.ends_at


def test_reports_are_reports_with_their_publication_date(client, demo):
    report = json_ld_of_type(get_html(client, "/evaluation/2019/"), "Report")

    assert report["name"] == "Rapport d'évaluation d'impact social 2019"
    assert datetime.date.fromisoformat(report["datePublished"])
    assert report["url"] == "http://127.0.0.1:8000/evaluation/2019/"


def test_breadcrumbs_are_breadcrumb_lists_ending_with_the_page(client, demo):
    for path, last in [
        ("/maisons/les-ors/", "Les Ors"),
        ("/la-cooperation/animer-dans-l-espace-public/", "Animer dans l'espace public"),
    ]:
        trail = json_ld_of_type(get_html(client, path), "BreadcrumbList")
        items = trail["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[0]["item"] == "http://127.0.0.1:8000/"
        assert items[-1]["name"] == last
        assert items[-1]["item"] == f"http://127.0.0.1:8000{path}"


def test_text_cannot_close_the_json_ld_script(client, demo):
    title = "Fête </script><script>alert(1)</script> & jeux"
    make_event(House.objects.get(slug="les-ors"), title=title, slug="fete-piege")

    html = get_html(client, "/agenda/fete-piege/")

    assert "<script>alert(1)" not in html
    assert json_ld_of_type(html, "Event")["name"] == title
    assert Event.objects.get(slug="fete-piege").title == title


def test_the_canonical_url_keeps_the_page_number_and_the_month_not_filters_or_tracking():
    request = RequestFactory().get(
        "/agenda/", {"theme": "debat", "page": "2", "mois": "2026-10", "utm_source": "lettre"}
    )
    assert canonical_url(request) == "http://example.com/agenda/?page=2&mois=2026-10"
    first_page = RequestFactory().get("/actualites/", {"page": "1", "maison": "les-ors"})
    assert canonical_url(first_page) == "http://example.com/actualites/"
    assert canonical_url(RequestFactory().get("/actualites/", {"page": "x"})).endswith(
        "/actualites/"
    )
    compared = RequestFactory().get("/evaluation/comparer/", {"a": "2017", "b": "2019"})
    assert canonical_url(compared) == "http://example.com/evaluation/comparer/?a=2017&b=2019"
