"""The footer's houses come from the shared cache, and a save shows at the next request."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from houses.models import House

pytestmark = pytest.mark.django_db


def test_the_footer_houses_are_read_once_and_a_rename_shows_at_once(client, demo):
    house = House.objects.neighbourhood_houses().get(slug="les-ors")
    client.get("/agenda/")
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/activites/").content.decode()
    assert house.name in page
    every_house = [
        q["sql"]
        for q in captured
        if '"houses_house"."neighbourhood"' in q["sql"]
        and re.search(r'FROM "houses_house" (WHERE NOT \(\S+ = \S+\) )?ORDER BY', q["sql"])
    ]
    assert not every_house, "les maisons du pied de page sont relues à chaque page"

    house.name = "Maison des Ors renommée"
    house.save()
    for path in ("/", "/activites/"):
        assert "Maison des Ors renommée" in client.get(path).content.decode(), path
