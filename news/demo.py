"""Demo data of the news app: the loading logic of news/demo.yaml.

A few news items written from ../shared/seed/facts.md; the pictures are
generated illustrations that say so. Items are found by slug, so a second
run creates nothing.
"""

from cms.api import add_plugin

from coop_site.demo import LANGUAGE, DemoData, demo_folder, ensure_illustration, ensure_page
from houses.models import House

from .models import Category, NewsItem

DATA = DemoData(
    __file__,
    required={
        "page": ("reverse_id", "title", "slug"),
        "illustrations_folder": (),
        "categories": ("slug", "name", "order"),
        "news": ("slug", "title", "published_on", "category", "houses", "teaser", "body"),
    },
)


def ensure_categories():
    return {
        data["slug"]: Category.objects.get_or_create(
            slug=data["slug"], defaults={"name": data["name"], "order": data["order"]}
        )[0]
        for data in DATA["categories"]
    }


def ensure_news_item(data, *, categories, folder, stdout):
    if NewsItem.objects.filter(slug=data["slug"]).exists():
        return
    image = None
    if "image" in data:
        image = ensure_illustration(**data["image"], folder=folder, alt=data["alt"])
    item = NewsItem.objects.create(
        slug=data["slug"],
        title=data["title"],
        published_on=data["published_on"],
        teaser=data["teaser"],
        image=image,
        alt_text=data.get("alt", ""),
        category=categories[data["category"]],
        status=NewsItem.Status.PUBLISHED,
    )
    item.houses.set(House.objects.filter(slug__in=data["houses"]))
    add_plugin(item.body, "TextPlugin", LANGUAGE, body=data["body"])
    stdout.write(f"  actualité créée : {item.title}")


def load(*, stdout):
    ensure_page(**DATA["page"], stdout=stdout)
    categories = ensure_categories()
    folder = demo_folder(DATA["illustrations_folder"])
    for data in DATA["news"]:
        ensure_news_item(data, categories=categories, folder=folder, stdout=stdout)
