import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.models import CommitmentProgress
from charter.selectors import progress_dashboard

from .factories import (
    commitments_of,
    make_charter,
    make_house,
    make_progress,
    make_theme,
)

Status = CommitmentProgress.Status
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render


def commitment_texts(html):
    return re.findall(r'<p class="commitment__text">([^<]+)</p>', html)


def test_page_lists_the_current_charter_commitments_in_order(client, charter_page):
    make_charter(sections=(2,), version=1, is_current=False, prefix="Ancien")
    make_charter(sections=(3, 2), version=2, prefix="Actuel")

    response = client.get("/charte-ecostructure/")

    assert response.status_code == 200
    html = response.content.decode()
    assert commitment_texts(html) == [
        "Actuel 1.1",
        "Actuel 1.2",
        "Actuel 1.3",
        "Actuel 2.1",
        "Actuel 2.2",
    ]
    assert html.index("Partie 1") < html.index("Partie 2")
    assert "« Il y a suffisamment de ressources »" in html
    assert 'href="/charte-ecostructure/version/1/"' in html


def test_previous_version_stays_readable_at_its_own_address(client, charter_page):
    make_charter(sections=(2,), version=1, is_current=False, prefix="Ancien")
    make_charter(sections=(1,), version=2, prefix="Actuel")

    html = client.get("/charte-ecostructure/version/1/").content.decode()

    assert commitment_texts(html) == ["Ancien 1.1", "Ancien 1.2"]
    assert "Elle n'est plus en vigueur" in html
    assert '<span aria-current="page">Version 1</span>' in html
    assert client.get("/charte-ecostructure/version/2/").status_code == 200
    assert client.get("/charte-ecostructure/version/7/").status_code == 404


def test_theme_filter_keeps_only_that_theme(client, charter_page):
    waste, energy = make_theme("dechets", "Déchets"), make_theme("energie-eau", "Énergie et eau")
    make_charter(sections=(2, 2), themes=[[waste], [energy], [waste, energy], []])

    html = client.get("/charte-ecostructure/?theme=dechets").content.decode()

    assert commitment_texts(html) == ["Engagement 1.1", "Engagement 2.1"]
    assert "2 engagements pour le thème « Déchets »" in html
    assert 'aria-current="page">Déchets</a>' in html
    # Numbers stay those of the whole charter.
    assert '<li class="commitment" value="3">' in html


def test_unknown_theme_is_a_404_with_a_message_not_an_error(client, charter_page):
    make_charter(sections=(2,), themes=[[make_theme("dechets", "Déchets")]])

    response = client.get("/charte-ecostructure/?theme=n-existe-pas")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Le thème « n-existe-pas » n" in html
    assert commitment_texts(html) == []
    assert 'href="/charte-ecostructure/?theme=dechets"' in html


def test_no_charter_yet_is_a_404(client, charter_page):
    assert client.get("/charte-ecostructure/").status_code == 404
    assert client.get("/charte-ecostructure/avancement/").status_code == 404


def test_share_kept_is_computed_from_statuses_missing_counts_as_not_kept():
    charter = make_charter(sections=(2, 2))
    c1, c2, c3, c4 = commitments_of(charter)
    full, partial = make_house("Complète"), make_house("Partielle")
    for commitment, status in [(c1, Status.KEPT), (c2, Status.KEPT), (c3, Status.KEPT)]:
        make_progress(full, commitment, 2025, status)
    make_progress(full, c4, 2025, Status.IN_PROGRESS)
    # The second house filled in only two of four commitments.
    make_progress(partial, c1, 2025, Status.KEPT)
    make_progress(partial, c2, 2025, Status.TO_START)
    make_progress(partial, c1, 2024, Status.IN_PROGRESS)
    make_house("La Coopération", kind="cooperation")  # speaks for all: never a column

    dashboard = progress_dashboard(charter=charter)

    assert dashboard.year == 2025 and dashboard.years == [2025, 2024]
    first, second = dashboard.houses
    assert (first.kept, first.in_progress, first.missing, first.percent) == (3, 1, 0, 75)
    assert (second.kept, second.to_start, second.missing, second.percent) == (1, 1, 2, 25)
    assert [(s.year, s.percent) for s in second.history] == [(2024, 0), (2025, 25)]
    assert [(s.year, s.percent) for s in first.history] == [(2025, 75)]


def test_dashboard_shows_shares_statuses_chart_and_what_was_done(client, charter_page):
    charter = make_charter(sections=(2,))
    c1, c2 = commitments_of(charter)
    house = make_house("Les Ors")
    make_progress(house, c1, 2024, Status.IN_PROGRESS)
    make_progress(house, c1, 2025, Status.KEPT, done="Bacs de tri dans toutes les salles.")

    response = client.get("/charte-ecostructure/avancement/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Engagements tenus en 2025" in html
    assert (
        '<a href="/charte-ecostructure/">Charte</a></li><li><span aria-current="page">Avancement'
        in html
    )
    assert "50&#160;%" in html
    assert "des engagements tenus (1 sur 2)" in html
    assert '<span class="status__icon" aria-hidden="true">✔</span> Tenu' in html
    assert "Non renseigné" in html  # c2 has no entry
    assert re.search(r'<svg class="share-chart__svg"[^>]*role="img"', html)
    assert "Évolution : 2024&#160;: 0&#160;% ; 2025&#160;: 50&#160;%." in html
    assert re.search(
        r"<details class=\"done\">\s*<summary>Ce qui a été fait.*?Bacs de tri", html, re.S
    )
    assert "Données d'exemple" not in html


def test_dashboard_year_can_be_chosen(client, charter_page):
    charter = make_charter(sections=(1,))
    (c1,) = commitments_of(charter)
    house = make_house()
    make_progress(house, c1, 2024, Status.TO_START)
    make_progress(house, c1, 2025, Status.KEPT)

    html = client.get("/charte-ecostructure/avancement/?annee=2024").content.decode()

    assert "Engagements tenus en 2024" in html
    assert '<option value="2024" selected>' in html
    assert "○</span> À engager" in html


@pytest.mark.parametrize("year", ["1999", "abc", "20245", "-1", "2025.5"])
def test_bad_year_gets_a_message_never_a_500(client, charter_page, year):
    charter = make_charter(sections=(1,))
    make_progress(make_house(), commitments_of(charter)[0], 2025)

    response = client.get("/charte-ecostructure/avancement/", {"annee": year})

    assert response.status_code == 404
    html = response.content.decode()
    assert "Aucun avancement n&#x27;est enregistré pour" in html
    assert '<option value="2025">' in html


def test_sample_data_is_announced_on_the_dashboard(client, charter_page):
    charter = make_charter(sections=(1,))
    make_progress(make_house(), commitments_of(charter)[0], 2025, done="Essai", is_sample=True)

    html = client.get("/charte-ecostructure/avancement/").content.decode()

    assert "<strong>Données d'exemple.</strong>" in html
    assert '<p class="done__sample">Donnée d\'exemple</p>' in html


def count_queries(client, url):
    # django CMS resolves and caches the page's URL over the first requests.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def fill(charter, houses, years=(2024, 2025)):
    statuses = list(Status)
    for year in years:
        for h, house in enumerate(houses):
            for c, commitment in enumerate(commitments_of(charter)):
                make_progress(house, commitment, year, statuses[(h + c) % 3], done="Fait")


def test_dashboard_query_count_does_not_grow_with_commitments_and_houses(client, charter_page):
    url = "/charte-ecostructure/avancement/"
    waste = make_theme("dechets")
    small = make_charter(sections=(3,), themes=[[waste]] * 3)
    fill(small, [make_house(), make_house()])
    small_count = count_queries(client, url)

    small.delete()
    big = make_charter(sections=(10, 12, 8), version=2, themes=[[waste]] * 30)
    fill(big, [make_house(), make_house()], years=(2022, 2023, 2024, 2025))
    make_house()  # a third house, with no entry at all
    make_house(kind="cooperation")  # the Coopération is never a column
    big_count = count_queries(client, url)

    assert big_count == small_count
    assert small_count <= 20


def test_charter_page_query_count_does_not_grow_with_commitments(client, charter_page):
    url = "/charte-ecostructure/"
    themes = [make_theme("dechets"), make_theme("achats")]
    small = make_charter(sections=(3,), themes=[themes] * 3)
    small_count = count_queries(client, url)
    small.delete()
    make_charter(sections=(10, 12, 8), version=2, themes=[themes] * 30)
    make_charter(sections=(2,), version=3, is_current=False)

    assert count_queries(client, url) == small_count


def test_each_status_has_its_own_shape():
    from charter.models import CommitmentProgress

    shapes = {status: CommitmentProgress(status=status).status_icon for status in Status}

    assert shapes == {Status.KEPT: "✔", Status.IN_PROGRESS: "◐", Status.TO_START: "○"}
