import os

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from coop_site.demo import demo_folder, ensure_illustration
from news.models import NewsItem

from .factories import make_news

pytestmark = pytest.mark.django_db


def test_an_image_needs_alt_text_or_the_decorative_box():
    image = ensure_illustration(filename="x.jpg", label="X", folder=demo_folder("T"), alt="x")
    item = make_news(image=image)

    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "alt_text" in error.value.message_dict

    item.is_decorative = True
    item.full_clean()
    assert item.alt == ""


def test_an_item_without_image_needs_no_alt_text():
    make_news().full_clean()


def test_demo_news_are_published_once_and_dated_from_the_facts(demo):
    items = {item.slug: item for item in NewsItem.objects.all()}

    assert items["l-accorderie-rejoint-la-cooperation"].published_on.isoformat() == "2017-12-15"
    assert items["agrement-espace-de-vie-sociale"].published_on.year == 2018
    assert items["la-conserverie-mobile-sort-d-usine"].published_on.strftime("%Y-%m") == "2017-09"
    assert all(item.status == NewsItem.Status.PUBLISHED for item in items.values())
    assert all(item.body.get_plugins().count() == 1 for item in items.values())
    assert items["l-accorderie-rejoint-la-cooperation"].houses.filter(slug="accorderie").exists()

    call_command("load_demo", stdout=open(os.devnull, "w"))
    assert NewsItem.objects.count() == len(items)


def test_demo_home_page_lists_the_latest_news(client, demo):
    html = client.get("/").content.decode()
    assert "Territoire pilote de la démarche « chaîne de valeur »" in html
    assert client.get("/actualites/").status_code == 200
