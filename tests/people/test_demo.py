"""The demo people: examples only, marked so, loaded once."""

import io

import pytest

from houses import demo as houses_demo
from people import demo
from people.models import Person, ProjectGroup

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(
            Person.objects.values_list("pk", "display_name", "role", "house_id", "kind", "order")
        ),
        sorted(ProjectGroup.objects.values_list("pk", "name", "theme", "description")),
        sorted(ProjectGroup.houses.through.objects.values_list("projectgroup_id", "house_id")),
    )


def test_the_demo_invents_no_name_marks_every_example_and_is_idempotent(reload_urls):
    houses_demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    first = snapshot()
    demo.load(stdout=io.StringIO())

    assert snapshot() == first
    assert Person.objects.exists() and ProjectGroup.objects.exists()
    assert not Person.objects.filter(is_sample=False).exists()
    assert not ProjectGroup.objects.filter(is_sample=False).exists()
    assert set(Person.objects.values_list("display_name", flat=True)) == {"Prénom exemple"}
    assert Person.objects.filter(house__slug="saint-nicolas", role="Directrice").exists()
    assert Person.objects.filter(house__isnull=True).exists()


def test_the_demo_page_is_in_la_cooperation_s_section(client, demo):
    response = client.get("/la-cooperation/equipe/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Prénom exemple" in html and "exemple</span>" in html
    assert "plus de 80" in html  # the seed's volunteers, as a dated key figure
    house = client.get("/maisons/saint-nicolas/").content.decode()
    assert "L'équipe</h2>" in house and "Directrice" in house
