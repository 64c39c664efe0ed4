"""The houses app's demo data: facts from the seed, samples flagged, idempotent."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from coop_site.roles import COOPERATION_WIDE_GROUP
from houses import demo as houses_demo
from houses.models import (
    Action,
    Activity,
    Approval,
    Closure,
    CommonBaseItem,
    ContactMessage,
    Event,
    House,
    KeyFigure,
    OpeningHours,
)

from .factories import paris

pytestmark = pytest.mark.django_db

MODELS = [House, Approval, OpeningHours, CommonBaseItem, KeyFigure, Action, Activity, Event]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_houses_carry_the_seed_facts(demo):
    saint_nicolas = House.objects.get(slug="saint-nicolas")
    les_ors = House.objects.get(slug="les-ors")

    assert saint_nicolas.founded_in == 1988 and saint_nicolas.is_priority_area
    assert sorted(saint_nicolas.approvals.values_list("kind", "year")) == [
        ("centre_social", 1998),
        ("education_populaire", 2006),
        ("esus", 2016),
    ]
    assert les_ors.street_address == "26 rue Magnard"
    assert House.objects.get(slug="la-cooperation").approvals.get().year == 2018
    assert {h.staff_group.name for h in House.objects.all()} >= {
        "Équipe Saint-Nicolas",
        "Équipe Les Ors",
    }


def test_demo_samples_are_flagged(demo):
    for house in House.objects.neighbourhood_houses():
        assert house.is_sample, house  # phone and hours are samples
    assert not Activity.objects.filter(is_sample=False).exists()
    assert not Event.objects.filter(is_sample=False).exists()
    assert Activity.objects.count() >= 12
    assert Activity.objects.filter(houses__slug="accorderie").exists()


def test_demo_agenda_has_a_street_agora_and_a_cancelled_event(demo, client):
    agora = Event.objects.agora().upcoming().get(theme=Event.Theme.DEBATE)

    assert agora.public_place.name == "Place Jacquemart"
    assert agora.place_full_address == "Place Jacquemart, 26100 Romans-sur-Isère"
    assert Event.objects.upcoming().filter(is_cancelled=True).exists()
    assert Event.objects.past().exists()
    assert "AGORA" in client.get("/agenda/").content.decode()


def test_demo_has_the_2018_figures_sheets_and_socle_commun(demo):
    assert KeyFigure.objects.filter(year=2018, value=24, label="salariés permanents").exists()
    assert set(Action.objects.values_list("title", flat=True)) >= {
        "La Conserverie mobile et solidaire",
        "Mobilité",
        "La Radio",
        "Culture",
        "Économie de partage",
    }
    kinds = set(CommonBaseItem.objects.values_list("kind", flat=True))
    assert kinds == set(CommonBaseItem.Kind.values)


def test_demo_pages_answer(demo, client):
    for url in ["/maisons/", "/activites/", "/agenda/", "/le-socle-commun/", "/agenda.ics"]:
        assert client.get(url).status_code == 200, url
    for house in House.objects.all():
        assert client.get(house.get_absolute_url()).status_code == 200


def test_second_demo_run_changes_nothing(demo):
    before = counts()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert counts() == before
    assert ContactMessage.objects.count() == 0


def test_groups_exist_after_the_demo(demo):
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name=COOPERATION_WIDE_GROUP).exists()


def days_in_closures(event):
    """The days of `event` on which one of its houses is closed."""
    starts_on = timezone.localdate(event.starts_at)
    ends_on = timezone.localdate(event.ends_at)
    closures = Closure.objects.filter(
        house__in=[h for h in (event.organiser, event.place_house) if h],
        kind=Closure.Kind.CLOSED,
        starts_on__lte=ends_on,
        ends_on__gte=starts_on,
    )
    return [(c.house.slug, c.starts_on, c.ends_on) for c in closures]


@pytest.mark.parametrize(
    "today",
    [
        datetime.date(2026, 12, 2),  # the day an event landed on 29 December at Saint-Nicolas
        datetime.date(2026, 12, 10),
        datetime.date(2026, 12, 20),
        datetime.date(2026, 12, 27),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 1, 15),
        datetime.date(2027, 6, 15),
    ],
)
def test_no_demo_event_falls_in_a_closure_of_its_house(db, today):
    houses_demo.load(stdout=io.StringIO(), today=today)

    assert Closure.objects.filter(kind=Closure.Kind.CLOSED).count() == 4
    assert Event.objects.count() == len(houses_demo.DATA["events"])
    for event in Event.objects.select_related("organiser", "place_house"):
        assert days_in_closures(event) == [], (event.slug, event.starts_at)
    # Moving an event keeps its hours (the time may have changed in between).
    assert {timezone.localtime(e.starts_at).time() for e in Event.objects.all()} == {
        datetime.time.fromisoformat(e["from"]) for e in houses_demo.DATA["events"]
    }


def test_a_demo_from_an_earlier_version_is_repaired_once(db):
    today = datetime.date(2026, 12, 2)
    houses_demo.load(stdout=io.StringIO(), today=today)
    # The earlier demo dated this show on 29 December, inside the Christmas closure.
    show = Event.objects.get(slug="spectacle-enfants")
    show.starts_at = paris(2026, 12, 29, 15, 0)
    show.ends_at = paris(2026, 12, 29, 16, 0)
    show.save()

    houses_demo.load(stdout=io.StringIO(), today=today)
    show.refresh_from_db()
    after_repair = list(Event.objects.values_list("slug", "starts_at", "ends_at"))
    houses_demo.load(stdout=io.StringIO(), today=today)

    assert days_in_closures(show) == []
    assert timezone.localtime(show.starts_at) == paris(2027, 1, 2, 15, 0)
    assert list(Event.objects.values_list("slug", "starts_at", "ends_at")) == after_repair


def test_only_houses_with_a_street_address_link_to_a_map(demo, client):
    with_street = set(House.objects.exclude(street_address="").values_list("slug", flat=True))
    assert with_street == {"les-ors"}  # the only street address in the seed

    for house in House.objects.all():
        html = client.get(house.get_absolute_url()).content.decode()
        assert ("openstreetmap.org" in html) == (house.slug in with_street), house.slug
    assert "openstreetmap.org" not in client.get("/maisons/").content.decode()
