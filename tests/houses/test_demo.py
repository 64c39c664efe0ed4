"""The houses app's demo data: facts from the seed, samples flagged, idempotent."""

import pytest
from django.core.management import call_command

from houses.models import (
    Action,
    Activity,
    Approval,
    CommonBaseItem,
    ContactMessage,
    Event,
    House,
    KeyFigure,
    OpeningHours,
)
from houses.permissions import COOPERATION_WIDE_GROUP

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
    agora = Event.objects.get(theme=Event.Theme.DEBATE, place_house__isnull=True)

    assert agora.place_address
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
