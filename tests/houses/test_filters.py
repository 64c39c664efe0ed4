"""The /activites/ and /agenda/ filters: plain GET parameters that combine."""

import datetime
import itertools
import re

import pytest
from django.utils import timezone

from houses.models import Activity, Event

from .factories import make_activity, make_event, make_house, paris

pytestmark = pytest.mark.django_db


def listed_titles(html):
    return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html))


@pytest.fixture
def catalogue(houses_pages):
    a = make_house(slug="maison-a", short_name="A")
    b = make_house(slug="maison-b", short_name="B")
    rows = [
        ("Aide aux devoirs", [a], Activity.Category.CHILDHOOD, 6, 11, 1),
        ("Club jeunes", [b], Activity.Category.YOUTH, 11, 17, 4),
        ("Gym douce", [a, b], Activity.Category.SENIORS, 60, None, 3),
        ("Atelier cuisine", [b], Activity.Category.FAMILIES, None, None, 1),
        ("Éveil", [a], Activity.Category.EARLY_CHILDHOOD, 0, 3, 4),
    ]
    activities = []
    for title, houses, category, age_min, age_max, weekday in rows:
        activities.append(
            make_activity(
                *houses,
                title=title,
                category=category,
                age_min=age_min,
                age_max=age_max,
                weekday=weekday,
            )
        )
    make_activity(a, title="Atelier terminé", status=Activity.Status.FINISHED)
    return {"a": a, "b": b, "activities": activities}


def expected(activities, maison, categorie, age, jour):
    result = set()
    for activity in activities:
        if maison and maison not in {h.slug for h in activity.houses.all()}:
            continue
        if categorie and activity.category != categorie:
            continue
        if age is not None and not (
            (activity.age_min is None or activity.age_min <= age)
            and (activity.age_max is None or activity.age_max >= age)
        ):
            continue
        if jour is not None and activity.weekday != jour:
            continue
        result.add(activity.title)
    return result


def test_every_combination_of_activity_filters_lists_only_matching_items(client, catalogue):
    houses = [None, "maison-a", "maison-b"]
    categories = [None, Activity.Category.CHILDHOOD, Activity.Category.SENIORS]
    ages = [None, 2, 8, 15, 70]
    days = [None, 1, 4]
    for maison, categorie, age, jour in itertools.product(houses, categories, ages, days):
        params = {
            k: v
            for k, v in {"maison": maison, "categorie": categorie, "age": age, "jour": jour}.items()
            if v is not None
        }
        response = client.get("/activites/", params)

        assert response.status_code == 200
        want = expected(catalogue["activities"], maison, categorie, age, jour)
        assert listed_titles(response.content.decode()) == want, params


def test_finished_activities_are_not_listed(client, catalogue):
    assert "Atelier terminé" not in listed_titles(client.get("/activites/").content.decode())


def test_filters_keep_their_values_in_the_form(client, catalogue):
    html = client.get("/activites/", {"maison": "maison-b", "age": "8"}).content.decode()

    assert '<option value="maison-b" selected>' in html
    assert 'name="age" value="8"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"age": "huit"},
        {"age": "-3"},
        {"age": "999999999999999999999"},
        {"jour": "9"},
        {"jour": "lundi"},
        {"maison": "inconnue"},
        {"categorie": "<script>"},
    ],
)
def test_bad_activity_filter_values_get_a_message_at_the_field(client, catalogue, params):
    response = client.get("/activites/", params)

    assert response.status_code == 200
    html = response.content.decode()
    (name,) = params
    assert f'id="id_{name}_error"' in html
    assert 'aria-invalid="true"' in html
    # The invalid filter is ignored: every current activity is listed.
    assert len(listed_titles(html)) == 5
    assert "<script>" not in html


@pytest.mark.parametrize("page", ["0", "abc", "99", "-1"])
def test_bad_page_numbers_are_404(client, catalogue, page):
    assert client.get("/activites/", {"page": page}).status_code == 404
    assert client.get("/agenda/", {"page": page}).status_code == 404


def test_pagination_keeps_the_filters(client, houses_pages):
    house = make_house(slug="grande")
    for n in range(15):
        make_activity(house, title=f"Atelier {n:02d}", weekday=2)

    first = client.get("/activites/", {"maison": "grande", "jour": "2"}).content.decode()
    second = client.get("/activites/", {"maison": "grande", "jour": "2", "page": "2"})

    assert "maison=grande&amp;jour=2&amp;page=2" in first
    assert len(listed_titles(first)) == 12
    assert len(listed_titles(second.content.decode())) == 3


def test_unknown_activity_is_404(client, catalogue):
    assert client.get("/activites/n-existe-pas/").status_code == 404


# --- Agenda -------------------------------------------------------------------


# A day in a month well in the past, whenever the suite runs.
PAST_DAY = (timezone.localdate().replace(day=1) - datetime.timedelta(days=150)).replace(day=10)
PAST = f"{PAST_DAY:%Y-%m}"


@pytest.fixture
def agenda(houses_pages):
    a = make_house(slug="maison-a")
    b = make_house(slug="maison-b")
    soon = timezone.now() + datetime.timedelta(days=3)
    make_event(a, title="Débat A", theme=Event.Theme.DEBATE, starts_at=soon)
    make_event(
        b,
        title="Fête B familles",
        theme=Event.Theme.FESTIVITY,
        audience=Event.Audience.FAMILIES,
        starts_at=soon,
    )
    make_event(b, title="Atelier B chez A", place_house=a, starts_at=soon)
    make_event(a, title="Passé", starts_at=paris(*PAST_DAY.timetuple()[:3], 14, 0))
    return a, b


def test_agenda_lists_upcoming_events_by_default(client, agenda):
    titles = listed_titles(client.get("/agenda/").content.decode())

    assert titles == {"Débat A", "Fête B familles", "Atelier B chez A"}


@pytest.mark.parametrize(
    "params,titles",
    [
        ({"maison": "maison-a"}, {"Débat A", "Atelier B chez A"}),
        ({"maison": "maison-b"}, {"Fête B familles", "Atelier B chez A"}),
        ({"theme": "debat"}, {"Débat A"}),
        ({"public": "familles"}, {"Fête B familles"}),
        ({"maison": "maison-b", "public": "familles"}, {"Fête B familles"}),
        ({"maison": "maison-a", "theme": "fete"}, set()),
        ({"mois": PAST}, {"Passé"}),
        ({"mois": PAST, "maison": "maison-b"}, set()),
    ],
)
def test_agenda_filters_combine(client, agenda, params, titles):
    response = client.get("/agenda/", params)

    assert response.status_code == 200
    assert listed_titles(response.content.decode()) == titles


@pytest.mark.parametrize("month", ["2026-13", "mars", "1850-01", "2026-3-1", ""])
def test_agenda_month_that_does_not_parse_is_404(client, agenda, month):
    assert client.get("/agenda/", {"mois": month}).status_code == 404


def test_agenda_bad_theme_gets_a_message(client, agenda):
    response = client.get("/agenda/", {"theme": "inconnu"})

    assert response.status_code == 200
    assert 'id="id_theme_error"' in response.content.decode()


def test_unknown_event_is_404(client, agenda):
    assert client.get("/agenda/inconnu/").status_code == 404


def test_agenda_links_to_past_months_and_back(client, agenda):
    this_month = timezone.localdate().replace(day=1)
    upcoming = client.get("/agenda/", {"theme": "debat"}).content.decode()

    assert f'href="?mois={this_month:%Y-%m}&amp;theme=debat"' in upcoming
    assert 'href="/agenda.ics"' in upcoming

    before = (PAST_DAY.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    after = (PAST_DAY.replace(day=28) + datetime.timedelta(days=5)).strftime("%Y-%m")
    past = client.get("/agenda/", {"mois": PAST}).content.decode()
    # "Passé" is the oldest event: the archive starts with its month.
    assert f'href="?mois={before}"' not in past and f'href="?mois={after}"' in past
    assert f'name="mois" value="{PAST}"' in past  # filtering keeps the month


def test_agenda_month_links_keep_the_filters_but_not_the_page(client, agenda):
    past = client.get("/agenda/", {"mois": PAST, "theme": "debat", "public": ""})
    html = past.content.decode()

    after = (PAST_DAY.replace(day=28) + datetime.timedelta(days=5)).strftime("%Y-%m")
    assert f'href="?mois={after}&amp;theme=debat&amp;public="' in html
    assert 'href="?theme=debat&amp;public="' in html  # « Événements à venir »
