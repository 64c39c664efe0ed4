"""Each house's page shows its three latest published news items."""

import pytest

from coop_site.demo import ensure_page
from news.models import NewsItem

from .factories import make_house, make_news, news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def house_pages(reload_urls):
    news_page()
    ensure_page(
        reverse_id="maisons",
        title="Maisons",
        slug="maisons",
        apphook="HousesApphook",
        apphook_namespace="houses",
    )
    reload_urls()


def test_house_page_lists_its_latest_published_news_only(client, house_pages):
    ours = make_house()
    other = make_house(slug="les-ors", short_name="Les Ors")
    for days in (1, 2, 3, 4):
        make_news(title=f"Nouvelle du jour {days}", houses=[ours], days_ago=days)
    make_news(
        title="Brouillon de la maison", houses=[ours], status=NewsItem.Status.DRAFT, days_ago=0
    )
    make_news(title="Nouvelle des Ors", houses=[other], days_ago=0)

    html = client.get(ours.get_absolute_url()).content.decode()
    section = html.split('id="actualites"')[1].split("</section>")[0]

    assert [f"Nouvelle du jour {d}" in section for d in (1, 2, 3, 4)] == [True, True, True, False]
    assert "Brouillon de la maison" not in section
    assert "Nouvelle des Ors" not in section
    assert "?maison=saint-nicolas" in section


def test_house_without_news_has_no_empty_news_section(client, house_pages):
    house = make_house()

    html = client.get(house.get_absolute_url()).content.decode()

    assert 'id="actualites"' not in html
