"""The pages with a request form render in the same number of queries whatever the
number of requests; the person's own page too."""

import pytest

from tests.houses.factories import make_house
from tests.houses.test_query_counts import count_queries

from .factories import ask, open_activity, open_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["activity", "event"])
def test_the_item_s_page_stays_flat(
    client, houses_pages, page_cache_off, kind, django_assert_max_num_queries
):
    house = make_house()
    if kind == "activity":
        item = open_activity(house, make_house(), slug="couture", places=20)
        url = "/activites/couture/"
    else:
        item = open_event(house, slug="fete", places=20)
        url = "/agenda/fete/"
    ask(item)
    with_one = count_queries(client, url)
    for n in range(30):
        ask(item, name=f"Personne {n}")

    client.get(url)  # the site's shared parts, read again once per version
    with django_assert_max_num_queries(with_one):
        response = client.get(url)
    assert "Complet : liste d" in response.content.decode()


def test_the_person_s_page_stays_flat(
    client, houses_pages, page_cache_off, django_assert_max_num_queries
):
    activity = open_activity(make_house(), make_house(), places=1)
    ask(activity)
    waiting = ask(activity, name="En attente")
    with_one = count_queries(client, waiting.get_absolute_url())
    for n in range(20):
        ask(activity, name=f"Personne {n}")
    last = ask(activity, name="Dernier")

    client.get(last.get_absolute_url())
    with django_assert_max_num_queries(with_one):
        response = client.get(last.get_absolute_url())
    assert "(n° 22)" in response.content.decode()
