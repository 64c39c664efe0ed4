"""The « Cartes d'actualités » block: the latest news of a house or a category, or news chosen by hand."""

from urllib.parse import urlencode

import pytest
from cms.api import add_plugin
from django.urls import reverse

from news.models import NewsItem
from tests.galleries.factories import make_page, publish

from .factories import make_category, make_house, make_news

pytestmark = pytest.mark.django_db


def test_the_latest_news_of_a_category_by_rule(client, admin_user):
    joint = make_category()
    life = make_category(slug="vie-des-maisons", name="Vie des maisons")
    make_news(title="La conserverie repart", category=joint, days_ago=1)
    make_news(title="Le passeport culture", category=joint, days_ago=5)
    make_news(title="Plus ancienne", category=joint, days_ago=30)
    make_news(title="Un goûter aux Ors", category=life, days_ago=0)
    make_news(title="Brouillon", category=joint, days_ago=0, status=NewsItem.Status.DRAFT)
    content = make_page(admin_user, title="Projets", slug="projets")
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(
        placeholder, "NewsCardsPlugin", "fr", title="Projets communs", category=joint, count=2
    )
    publish(content, admin_user)

    html = client.get("/projets/").content.decode()

    assert html.index("La conserverie repart") < html.index("Le passeport culture")
    assert "Plus ancienne" not in html and "Un goûter aux Ors" not in html
    assert "Brouillon" not in html, "only published news"


def test_news_chosen_by_hand_of_one_house(client, admin_user):
    ors = make_house(slug="les-ors", short_name="Les Ors")
    chosen = make_news(title="Une actualité choisie", houses=[ors])
    make_news(title="Une autre des Ors", houses=[ors], days_ago=0)
    content = make_page(admin_user, title="Projets", slug="projets")
    placeholder = content.get_placeholders().get(slot="content")
    block = add_plugin(placeholder, "NewsCardsPlugin", "fr", title="À lire", house=ors)
    block.chosen.set([chosen])
    publish(content, admin_user)

    html = client.get("/projets/").content.decode()

    assert "Une actualité choisie" in html and "Une autre des Ors" not in html


def test_an_editor_opens_the_block_s_form_in_french(client, editor):
    content = make_page(editor, title="Projets", slug="projets")
    placeholder = content.get_placeholders().get(slot="content")
    query = {
        "placeholder_id": placeholder.pk,
        "plugin_type": "NewsCardsPlugin",
        "plugin_language": "fr",
        "plugin_position": 1,
    }
    client.force_login(editor)

    response = client.get(reverse("admin:cms_placeholder_add_plugin") + "?" + urlencode(query))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Actualités choisies une à une" in html and "Nombre de cartes" in html
