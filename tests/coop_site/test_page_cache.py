"""Visitors' pages from the shared cache: fast, never stale, never for staff (coop_site/page_cache.py)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coop_site import page_cache
from houses.services import next_public_change
from news.models import NewsItem
from tests.houses.conftest import create_houses_pages
from tests.houses.factories import add_hours, make_event, make_house
from tests.news.factories import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def house(db, reload_urls):
    create_houses_pages()
    reload_urls()
    house = make_house(slug="les-ors", name="Maison de quartier des Ors", tagline="Bienvenue")
    add_hours(house, *[(day, "00:00", "23:59") for day in range(7)])
    return house


HOUSES = "/maisons/"  # the house cards, with their taglines; no form on it


def visit(path, **headers):
    """A visitor's request: a new browser, no cookie."""
    return Client().get(path, **headers)


def test_a_visitor_s_second_visit_comes_from_the_cache_without_a_query(
    house, django_assert_num_queries
):
    first = visit(HOUSES)
    assert first.status_code == 200
    assert not first.cookies, "a page that sets a cookie cannot be shared"

    with django_assert_num_queries(0):
        second = visit(HOUSES)

    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"]


def test_a_cms_page_s_headers_say_one_thing(house):
    visit("/")

    home = visit("/")

    assert home["Cache-Control"] == "max-age=0, public"
    assert not home.has_header("Expires"), "django CMS's own Expires would outlive max-age"
    assert "" not in [member.strip() for member in home["Vary"].split(",")]


def test_a_saved_house_is_fresh_at_the_next_request(house):
    assert "Bienvenue" in visit(HOUSES).content.decode()

    house.tagline = "Ouverte tout en été"
    house.save()

    html = visit(HOUSES).content.decode()
    assert "Ouverte tout en été" in html
    assert "Bienvenue" not in html


def test_news_published_in_bulk_reach_the_cached_home_page(house):
    item = make_news(title="La fête des voisins", status=NewsItem.Status.DRAFT)
    assert "La fête des voisins" not in visit("/").content.decode()

    # The admin's list action writes with QuerySet.update(), which sends no signal.
    from news.services import news_publish

    news_publish(items=[item])

    assert "La fête des voisins" in visit("/").content.decode()


def test_a_revisit_with_the_etag_gets_a_304_without_a_body(house):
    first = visit(HOUSES)

    again = visit(HOUSES, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""


def test_staff_always_get_a_fresh_private_page(house, admin_user):
    visit(HOUSES)
    # Written without a signal: only a page rendered for the request shows it.
    type(house).objects.filter(pk=house.pk).update(tagline="Changée")
    staff = Client()
    staff.force_login(admin_user)

    response = staff.get(HOUSES)

    assert "Changée" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_house_page_and_its_contact_form_are_shared(house, django_assert_num_queries):
    visit(house.get_absolute_url())

    with django_assert_num_queries(0):
        page = visit(house.get_absolute_url())

    assert 'class="contact-form"' in page.content.decode()


def test_a_page_that_sets_a_cookie_is_never_shared(house):
    login = reverse("admin:login")
    assert visit(login).cookies, "the staff login sets its CSRF token"

    second = visit(login)

    assert second.cookies, "the second visitor gets their own token, not the first one's page"
    assert second["Cache-Control"] != "public, max-age=0"


def test_a_cached_page_lives_until_an_event_ends_or_a_house_opens(house):
    now = timezone.now()
    make_event(
        house,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(minutes=10),
    )

    assert next_public_change(now) <= now + datetime.timedelta(minutes=10)
    seconds = page_cache.seconds_to_next_change(page_cache.current_version(), now)
    assert 0 < seconds <= 600


def test_the_cache_never_outlives_midnight(db):
    late = timezone.make_aware(datetime.datetime(2026, 12, 2, 23, 59, 30))

    assert page_cache.seconds_to_next_change("test-version", late) <= 30


def test_a_head_request_gets_the_headers_its_get_would_get(house):
    """HEAD before any GET: not django CMS's `max-age=60` and `Expires`, but the
    page cache's own `public, max-age=0` and an ETag, as the GET then says."""
    head = Client().head("/")
    get = visit("/")

    assert head["Cache-Control"] == get["Cache-Control"] == "max-age=0, public"
    assert not head.has_header("Expires")
    assert head["ETag"] == get["ETag"]
