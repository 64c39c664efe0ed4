"""French dates say "1er janvier", never "1 janvier": in every page that prints a day and month."""

import datetime

import pytest
from django.utils import timezone

from coop_site.formatting import french_date

from .factories import add_closure, make_event, make_house, paris

pytestmark = pytest.mark.django_db


def first_of_next_month():
    today = timezone.localdate()
    return (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


@pytest.mark.parametrize(
    "day,format,expected",
    [
        (datetime.date(2026, 1, 1), "j F Y", "1er janvier 2026"),
        (datetime.date(2026, 3, 1), "l j F", "dimanche 1er mars"),
        (datetime.date(2026, 1, 2), "j F Y", "2 janvier 2026"),
        (datetime.date(2026, 1, 21), "j F", "21 janvier"),
        (None, "j F Y", ""),
    ],
)
def test_french_date_writes_the_first_of_the_month_1er(day, format, expected):
    assert french_date(day, format) == expected


def test_an_event_on_the_first_says_1er_on_its_page_and_in_the_agenda(client, houses_pages):
    house = make_house(slug="les-ors", name="Maison de quartier des Ors")
    first = first_of_next_month()
    event = make_event(
        house, title="Bal du premier", starts_at=paris(first.year, first.month, 1, 18)
    )
    month = french_date(first, "F")

    for url in (event.get_absolute_url(), "/agenda/"):
        page = client.get(url).content.decode().lower()
        assert french_date(first, "l j F Y") in page, url
        assert f" 1 {month}" not in page, url


def test_a_closure_on_the_first_says_1er_on_the_house_page(client, houses_pages):
    house = make_house(slug="les-ors", name="Maison de quartier des Ors")
    first = first_of_next_month()
    add_closure(house, first, first, reason="Inventaire")
    add_closure(house, first.replace(day=10), first.replace(day=12), reason="Pont")

    page = client.get("/maisons/les-ors/").content.decode()

    assert french_date(first, "l j F") in page
    assert "Inventaire</strong> : " + french_date(first, "l j F") in page
