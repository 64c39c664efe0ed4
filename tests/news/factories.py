"""Small factories for the news tests."""

import datetime
import itertools

from cms.api import add_plugin
from django.utils import timezone

from coop_site.demo import ensure_page
from houses.models import House
from news.models import Category, NewsItem

_counter = itertools.count(1)


def news_page():
    """The published /actualites/ page with the news apphook."""
    return ensure_page(
        reverse_id="actualites",
        title="Actualités",
        slug="actualites",
        apphook="NewsApphook",
        apphook_namespace="news",
    )


def home_page():
    return ensure_page(
        reverse_id="home",
        title="Accueil de test",
        slug="accueil",
        template="pages/home.html",
        homepage=True,
    )


def make_house(slug="saint-nicolas", short_name="Saint-Nicolas", **kwargs):
    house, _ = House.objects.get_or_create(
        slug=slug,
        defaults={
            "name": f"Maison {short_name}",
            "short_name": short_name,
            "kind": House.Kind.SOCIAL_CENTRE,
            **kwargs,
        },
    )
    return house


def make_category(slug="projets-communs", name="Projets communs"):
    return Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_news(*, title=None, houses=(), status=NewsItem.Status.PUBLISHED, days_ago=None, **kwargs):
    n = next(_counter)
    title = title or f"Actualité numéro {n}"
    item = NewsItem.objects.create(
        title=title,
        slug=kwargs.pop("slug", f"actualite-{n}"),
        teaser=kwargs.pop("teaser", f"Le résumé de l'actualité {n}."),
        status=status,
        published_on=timezone.localdate()
        - datetime.timedelta(days=n if days_ago is None else days_ago),
        **kwargs,
    )
    item.houses.set(houses)
    return item


def add_body_text(item, html):
    return add_plugin(item.body, "TextPlugin", "fr", body=html)
