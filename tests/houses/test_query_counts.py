"""Public lists run the same number of SQL queries with 3 items and with 30."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.news.factories import make_news

from .factories import add_closure, add_hours, make_activity, make_event, make_house

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render


def count_queries(client, url):
    client.get(url)  # warm the CMS menu and page caches, as on a live site
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def make_full_house():
    house = make_house()
    add_hours(house, (0, "09:00", "12:00"), (0, "14:00", "18:00"), (2, "09:00", "12:00"))
    today = timezone.localdate()
    add_closure(house, today + datetime.timedelta(days=3), today + datetime.timedelta(days=5))
    return house


def test_houses_list(client, houses_pages, django_assert_max_num_queries):
    for _ in range(3):
        make_full_house()
    with_three = count_queries(client, "/maisons/")
    for _ in range(27):
        make_full_house()

    client.get("/maisons/")
    with django_assert_max_num_queries(with_three):
        response = client.get("/maisons/")
    assert response.content.decode().count('class="card card--link"') == 30


def test_activities_catalogue(client, houses_pages, django_assert_max_num_queries):
    houses = [make_house() for _ in range(3)]
    for n in range(3):
        make_activity(*houses[: n + 1])
    with_three = count_queries(client, "/activites/")
    for n in range(27):
        make_activity(*houses[: n % 3 + 1])

    client.get("/activites/")
    with django_assert_max_num_queries(with_three):
        response = client.get("/activites/")
    assert response.content.decode().count('class="card card--link"') == 12  # one page
    with django_assert_max_num_queries(with_three):
        assert client.get("/activites/?age=30&page=2").status_code == 200


def test_agenda(client, houses_pages, django_assert_max_num_queries):
    houses = [make_house() for _ in range(3)]
    for n in range(3):
        make_event(houses[n], place_house=houses[(n + 1) % 3])
    with_three = count_queries(client, "/agenda/")
    for n in range(27):
        make_event(houses[n % 3], place_name="Place publique")

    client.get("/agenda/")
    with django_assert_max_num_queries(with_three):
        response = client.get("/agenda/")
    assert 'class="card card--link event-card' in response.content.decode()


def test_house_page(client, houses_pages, django_assert_max_num_queries):
    house = make_full_house()
    make_activity(house)
    make_event(house)
    make_news(houses=[house])
    url = house.get_absolute_url()
    with_few = count_queries(client, url)
    for _ in range(10):
        make_activity(house)
        make_event(house, place_name="Ailleurs", place_house=None)
        make_news(houses=[house])

    client.get(url)
    with django_assert_max_num_queries(with_few):
        assert client.get(url).status_code == 200


def test_home_sections(client, houses_pages, django_assert_max_num_queries):
    make_full_house()
    make_event(make_full_house())
    with_few = count_queries(client, "/")
    for _ in range(3):
        make_event(make_full_house())

    client.get("/")
    with django_assert_max_num_queries(with_few):
        assert client.get("/").status_code == 200


def test_footer_lists_the_houses_without_their_hours(client, houses_pages):
    """Every page's footer needs names and links only: no slots, no closures read."""
    for _ in range(3):
        make_full_house()
    client.get("/agenda/")
    with CaptureQueriesContext(connection) as context:
        html = client.get("/agenda/").content.decode()

    footer = html.split('class="site-footer__houses"')[1].split("</ul>")[0]
    assert footer.count("<li>") == 3
    queries = [q["sql"] for q in context.captured_queries]
    assert not [q for q in queries if '"houses_openinghours"' in q or '"houses_closure"' in q]
