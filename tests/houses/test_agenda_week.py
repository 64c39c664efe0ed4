"""/agenda/semaine/: the week day by day, events, regular activities and closed houses."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from houses.agenda import monday_of, parse_week, week_param

from .factories import add_closure, make_activity, make_event, make_house, paris

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render

# A fixed week: Monday 7 to Sunday 13 December 2026.
MONDAY = datetime.date(2026, 12, 7)
WEDNESDAY = MONDAY + datetime.timedelta(days=2)


def week_page(client, **params):
    response = client.get("/agenda/semaine/", params)
    assert response.status_code == 200
    return response.content.decode()


def days_of(html):
    """{"2026-12-09": the HTML of that day}, in page order."""
    parts = re.split(r'<li class="week__day[^"]*">', html.split('<ol class="week">')[1])[1:]
    return {re.search(r'datetime="([\d-]+)"', part)[1]: part for part in parts}


def test_this_week_lists_seven_days_from_monday(client, houses_pages):
    html = week_page(client)
    days = list(days_of(html))

    monday = monday_of(timezone.localdate())
    assert days == [str(monday + datetime.timedelta(days=n)) for n in range(7)]
    assert "<h1>Cette semaine</h1>" in html
    assert "aujourd" in days_of(html)[str(timezone.localdate())]


def test_an_event_on_wednesday_shows_on_wednesday_only(client, houses_pages):
    house = make_house()
    make_event(house, title="Goûter du mercredi", starts_at=paris(2026, 12, 9, 15, 0))
    make_event(house, title="La semaine d'après", starts_at=paris(2026, 12, 14, 15, 0))

    days = days_of(week_page(client, semaine="2026-W50"))

    assert [day for day, part in days.items() if "Goûter du mercredi" in part] == ["2026-12-09"]
    assert "La semaine d&#x27;après" not in "".join(days.values())


def test_a_two_day_event_shows_on_both_days(client, houses_pages):
    house = make_house()
    start, end = paris(2026, 12, 12, 10, 0), paris(2026, 12, 13, 18, 0)
    make_event(house, title="Week-end festif", starts_at=start, ends_at=end)

    days = days_of(week_page(client, semaine="2026-12-07"))

    assert [d for d, part in days.items() if "Week-end festif" in part] == [
        "2026-12-12",
        "2026-12-13",
    ]


def test_a_weekly_activity_shows_on_its_weekday(client, houses_pages):
    house = make_house(short_name="Les Ors")
    make_activity(
        house,
        title="Aide aux devoirs",
        weekday=2,
        starts_at_time=datetime.time(16, 30),
        ends_at_time=datetime.time(18, 0),
    )
    make_activity(house, title="Terminée", weekday=2, status="termine")
    make_activity(house, title="Irrégulière", weekday=None, schedule_note="un samedi par mois")

    days = days_of(week_page(client, semaine="2026-W50"))

    assert [d for d, part in days.items() if "Aide aux devoirs" in part] == ["2026-12-09"]
    assert "16:30–18:00" in days["2026-12-09"]
    assert "Les Ors" in days["2026-12-09"]
    assert "Terminée" not in "".join(days.values())
    assert "Irrégulière" not in "".join(days.values())


def test_a_closure_hides_the_house_activities_that_day_and_says_so(client, houses_pages):
    closed = make_house(name="Maison des Ors", short_name="Les Ors")
    open_house = make_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas")
    make_activity(closed, title="Couture", weekday=2)
    make_activity(closed, title="Chorale", weekday=3)
    make_activity(closed, open_house, title="Jeux partagés", weekday=2)
    add_closure(closed, WEDNESDAY, WEDNESDAY, reason="Journée pédagogique")

    days = days_of(week_page(client, semaine="2026-W50"))

    wednesday = days["2026-12-09"]
    assert "Maison fermée : Maison des Ors" in wednesday
    assert "Journée pédagogique" in wednesday
    assert "Couture" not in wednesday
    # Shared with an open house: still listed, under the open house only.
    jeux = wednesday.split("Jeux partagés")[1].split("</li>")[0]
    assert "Saint-Nicolas" in jeux and "Les Ors" not in jeux
    assert "Chorale" in days["2026-12-10"]
    assert "Maison fermée" not in days["2026-12-10"]


def test_house_filter_keeps_only_that_house(client, houses_pages):
    ours = make_house(slug="les-ors")
    other = make_house()
    make_activity(ours, title="Chez nous", weekday=1)
    make_activity(other, title="Ailleurs", weekday=1)
    make_event(other, title="Fête ailleurs", starts_at=paris(2026, 12, 8, 18, 0))
    add_closure(other, MONDAY, MONDAY)

    html = week_page(client, semaine="2026-W50", maison="les-ors")

    assert "Chez nous" in html
    assert "Ailleurs" not in html and "Fête ailleurs" not in html
    assert "Maison fermée" not in html
    assert '<option value="les-ors" selected>' in html
    # An unknown house is reported at the field and ignored, as on the other lists.
    unknown = week_page(client, semaine="2026-W50", maison="inconnue")
    assert "Chez nous" in unknown and "Ailleurs" in unknown
    assert 'aria-invalid="true"' in unknown


def test_previous_and_next_week_links_keep_the_house(client, houses_pages):
    make_house(slug="les-ors")
    # A week that is never the current one (which has no « Cette semaine » link).
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=3)
    week = datetime.timedelta(weeks=1)

    html = week_page(client, semaine=week_param(monday), maison="les-ors")

    after, before = week_param(monday + week), week_param(monday - week)
    assert f'href="?semaine={after}&amp;maison=les-ors" rel="next">Semaine suivante' in html
    assert f'href="?semaine={before}&amp;maison=les-ors" rel="prev">Semaine précédente' in html
    assert "<h1>La semaine" in html
    assert 'href="?maison=les-ors">Cette semaine</a>' in html
    # The year's last ISO week leads to the next year's first.
    assert 'href="?semaine=2027-W01" rel="next"' in week_page(client, semaine="2026-W53")


@pytest.mark.parametrize(
    "value",
    ["2026-W60", "2026-W00", "semaine", "2026-13-01", "1999-W10", "9999-12-31", "\x00", "-W"],
)
def test_a_bad_week_is_404_never_500(client, houses_pages, value):
    # A NUL byte is refused before any view (coop_site/bad_input.py).
    expected = 400 if "\x00" in value else 404
    assert client.get("/agenda/semaine/", {"semaine": value}).status_code == expected


def test_parse_week_reads_iso_weeks_and_days():
    assert parse_week("2026-W50") == MONDAY
    assert parse_week("2026-w50") == MONDAY
    assert parse_week("2026-12-13") == MONDAY
    assert week_param(MONDAY) == "2026-W50"
    # 1 January 2027 is a Friday of 2026's week 53.
    assert parse_week("2027-01-01") == datetime.date(2026, 12, 28)
    assert week_param(datetime.date(2026, 12, 28)) == "2026-W53"


def count_queries(client, url):
    client.get(url)  # warm the CMS caches (the menu and the URL cache take two requests)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def fill_week(count):
    for n in range(count):
        house = make_house()
        make_activity(house, title=f"Activité {n}", weekday=n % 7)
        make_event(house, starts_at=paris(2026, 12, 7 + n % 7, 10, 0))
        add_closure(house, MONDAY, MONDAY)


def test_the_week_runs_a_bounded_number_of_queries(client, houses_pages):
    url = "/agenda/semaine/?semaine=2026-W50"
    fill_week(2)
    few = count_queries(client, url)
    fill_week(20)
    many = count_queries(client, url)

    assert many == few
    assert many <= 20


def test_the_agenda_and_home_pages_link_to_the_week(client, houses_pages):
    assert (
        'href="/agenda/semaine/">Cette semaine, jour par jour</a>'
        in client.get("/agenda/").content.decode()
    )
    assert (
        'href="/agenda/semaine/">Cette semaine, jour par jour</a>'
        in client.get("/").content.decode()
    )
