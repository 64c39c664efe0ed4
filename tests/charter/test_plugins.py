import pytest

from charter.models import CharterPluginModel, CommitmentProgress
from coop_site.demo import ensure_page

from .factories import commitments_of, make_charter, make_house, make_progress, make_theme

pytestmark = pytest.mark.django_db


def page_with(plugin_type, data, slug="une-page"):
    ensure_page(
        reverse_id=slug,
        title="Une page",
        slug=slug,
        plugins=[("content", plugin_type, data)],
    )
    return f"/{slug}/"


def test_charter_plugin_shows_the_whole_charter(client, charter_page):
    make_charter(sections=(2, 1))

    html = client.get(page_with("CharterPlugin", {"scope": "tout"})).content.decode()

    assert "Charte de test v1" in html
    assert "« Il y a suffisamment de ressources »" in html
    assert all(f"Engagement {n}" in html for n in ("1.1", "1.2", "2.1"))


def test_charter_plugin_shows_one_section(client, charter_page):
    charter = make_charter(sections=(2, 1))
    second = charter.sections.get(order=2)

    html = client.get(
        page_with("CharterPlugin", {"scope": "partie", "section": second})
    ).content.decode()

    assert "Engagement 2.1" in html
    assert "Engagement 1.1" not in html
    assert 'href="/charte-ecostructure/"' in html


def test_charter_plugin_shows_the_commitments_of_a_theme(client, charter_page):
    waste = make_theme("dechets", "Déchets")
    make_charter(sections=(3,), themes=[[], [waste], []])

    html = client.get(
        page_with("CharterPlugin", {"scope": "theme", "theme": waste})
    ).content.decode()

    assert "Engagement 1.2" in html
    assert "Engagement 1.1" not in html and "Engagement 1.3" not in html


def test_charter_plugin_requires_its_section_or_theme():
    from django.core.exceptions import ValidationError

    plugin = CharterPluginModel(scope=CharterPluginModel.Scope.THEME)
    with pytest.raises(ValidationError) as error:
        plugin.clean()
    assert "Choisissez le thème à afficher." in str(error.value)


def test_progress_plugin_summarises_one_house(client, charter_page):
    charter = make_charter(sections=(4,))
    house, other = make_house("Noël Guichard"), make_house("Les Ors")
    c1, c2, c3, _c4 = commitments_of(charter)
    make_progress(house, c1, 2024, CommitmentProgress.Status.IN_PROGRESS)
    make_progress(house, c1, 2025)
    make_progress(house, c2, 2025)
    make_progress(house, c3, 2025, CommitmentProgress.Status.IN_PROGRESS)
    make_progress(other, c1, 2025)
    make_progress(other, c2, 2025)
    make_progress(other, c3, 2025)

    html = client.get(page_with("CharterProgressPlugin", {"house": house})).content.decode()

    assert "Charte écostructure : Noël Guichard" in html
    assert "50&#160;%" in html and "des engagements tenus (2 sur 4)" in html
    assert "1 non renseigné" in html
    assert "Évolution : 2024&#160;: 0&#160;% ; 2025&#160;: 50&#160;%." in html
    assert "75&#160;%" not in html  # the other house is not summarised
    assert 'href="/charte-ecostructure/avancement/"' in html
