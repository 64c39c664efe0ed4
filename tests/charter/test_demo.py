import io

import pytest
from django.core.management import call_command

from charter.models import Charter, CommitmentProgress
from houses.models import House

pytestmark = pytest.mark.django_db


def test_demo_has_the_seed_charter_and_two_sample_years_per_house(client, demo):
    charter = Charter.objects.current()
    sections = list(charter.sections.order_by("order"))

    assert [s.commitments.count() for s in sections] == [7, 10, 4]
    assert sections[0].title == "Des projets adaptés"
    assert charter.quote_author == "Gandhi" and charter.reflection_author == "Patrick Viveret"
    assert all(c.themes.exists() for s in sections for c in s.commitments.all())
    houses = House.objects.neighbourhood_houses()
    assert houses.count() == 4
    for house in houses:
        years = set(house.charter_progress_entries.values_list("year", flat=True))
        assert len(years) == 2
    assert not CommitmentProgress.objects.filter(is_sample=False).exists()

    html = client.get("/charte-ecostructure/").content.decode()
    assert "— Gandhi" in html and "— Patrick Viveret" in html
    assert "Instaurer le tri sélectif des déchets dans l&#x27;ensemble de ses locaux." in html
    nav = html.split('id="menu-principal"')[1].split("</ul>")[0]
    assert ">Charte<" in nav
    dashboard = client.get("/charte-ecostructure/avancement/").content.decode()
    assert "<strong>Données d'exemple.</strong>" in dashboard


def test_demo_charter_loader_is_idempotent(demo):
    counts = (Charter.objects.count(), CommitmentProgress.objects.count())

    call_command("load_demo", stdout=io.StringIO())

    assert (Charter.objects.count(), CommitmentProgress.objects.count()) == counts
