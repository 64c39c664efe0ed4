"""The « Adhérer » page and the pages showing prices keep their number of queries, whatever they list."""

import pytest

from houses.models import Activity
from tests.houses.factories import make_activity, make_house
from tests.houses.test_query_counts import count_queries

from .factories import make_grid, make_terms

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def add_house(n, bands):
    house = make_house()
    make_terms(house, helps=[f"Aide {n}", "CAF"], papers="Attestation\nCarnet")
    for g in range(2):
        grid = make_grid(
            house,
            name=f"Grille {g}",
            bands=[(i * 100, i * 100 + 99, str(i)) for i in range(bands - 1)]
            + [((bands - 1) * 100, None, str(bands))],
        )
        make_activity(house, price_kind=Activity.PriceKind.QUOTIENT, fee_grid=grid)
    return house


@pytest.mark.parametrize(
    "url", ["/adherer/", "/adherer/?quotient=650", "/adherer/?quotient=650&activite=activite-x"]
)
def test_the_join_page(client, join_page, django_assert_max_num_queries, url):
    add_house(0, bands=2)
    priced = Activity.objects.first()
    url = url.replace("activite-x", priced.slug)
    with_one = count_queries(client, url)
    for n in range(1, 8):
        add_house(n, bands=12)

    client.get(url)
    with django_assert_max_num_queries(with_one):
        response = client.get(url)
    assert response.content.decode().count('class="fee-grid"') >= (1 if "activite" in url else 16)


def test_the_activities_catalogue_with_prices(client, join_page, django_assert_max_num_queries):
    add_house(0, bands=2)
    with_one = count_queries(client, "/activites/")
    for n in range(1, 8):
        add_house(n, bands=12)

    client.get("/activites/")
    with django_assert_max_num_queries(with_one):
        response = client.get("/activites/")
    assert "selon votre quotient familial" in response.content.decode()


def test_a_house_page_with_its_fees(client, join_page, django_assert_max_num_queries):
    house = add_house(0, bands=2)
    with_few = count_queries(client, house.get_absolute_url())
    for g in range(2, 10):
        grid = make_grid(house, name=f"Autre {g}", bands=[(0, 10, "1"), (11, None, "2")])
        make_activity(house, price_kind=Activity.PriceKind.QUOTIENT, fee_grid=grid)

    client.get(house.get_absolute_url())
    with django_assert_max_num_queries(with_few):
        response = client.get(house.get_absolute_url())
    assert 'id="adherer"' in response.content.decode()
