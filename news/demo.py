"""Demo data of the news app: a few news items written from ../shared/seed/facts.md.

The dates are those of the facts (a day within the month or season the seed
gives); the pictures are generated illustrations that say so.
"""

import datetime

from cms.api import add_plugin

from coop_site.demo import LANGUAGE, demo_folder, ensure_illustration, ensure_page
from houses.models import House

from .models import Category, NewsItem

CATEGORIES = [
    ("vie-de-la-cooperation", "Vie de la Coopération", 1),
    ("projets-communs", "Projets communs", 2),
    ("vie-des-maisons", "Vie des maisons", 3),
]

NEWS = [
    {
        "slug": "la-conserverie-mobile-sort-d-usine",
        "title": "La Conserverie mobile et solidaire sort d'usine",
        "published_on": datetime.date(2017, 9, 25),
        "category": "projets-communs",
        "houses": ["la-cooperation"],
        "teaser": (
            "Un camion aménagé en atelier de conserverie : c'est la première conserverie "
            "mobile et solidaire de France, et elle roule désormais dans les quartiers."
        ),
        "body": (
            "<p>Le camion est sorti d'usine en septembre 2017. À son bord, tout le matériel "
            "d'un atelier de conserverie.</p>"
            "<p>Le principe est simple : des habitants et des bénévoles récupèrent les fruits "
            "et légumes invendus chez des producteurs du coin, puis les transforment ensemble "
            "en conserves. Rien ne se perd, et chacun apprend en faisant.</p>"
        ),
        "image": ("conserverie-mobile.jpg", "La Conserverie mobile", "#6b4e16"),
        "alt": "Illustration : le camion de la Conserverie mobile et solidaire",
    },
    {
        "slug": "l-accorderie-rejoint-la-cooperation",
        "title": "L'Accorderie rejoint la Coopération",
        "published_on": datetime.date(2017, 12, 15),
        "category": "vie-de-la-cooperation",
        "houses": ["accorderie", "la-cooperation"],
        "teaser": (
            "Fin 2017, l'Accorderie de Romans, où les habitants échangent des services en "
            "temps plutôt qu'en argent, devient membre de la Coopération."
        ),
        "body": (
            "<p>À l'Accorderie, une heure de service rendu vaut une heure, quel que soit le "
            "service : on donne un coup de main, on reçoit un coup de main.</p>"
            "<p>En rejoignant les trois maisons de quartier, l'Accorderie apporte à la "
            "Coopération son réseau d'entraide entre habitants de toute la ville.</p>"
        ),
    },
    {
        "slug": "agrement-espace-de-vie-sociale",
        "title": "La Coopération reçoit l'agrément « Espace de vie sociale »",
        "published_on": datetime.date(2018, 5, 15),
        "category": "vie-de-la-cooperation",
        "houses": ["la-cooperation"],
        "teaser": (
            "Au printemps 2018, la CAF reconnaît la Coopération comme Espace de vie sociale. "
            "Elle s'ajoute aux trois agréments « centre social » des maisons."
        ),
        "body": (
            "<p>Cet agrément de la Caisse d'allocations familiales reconnaît le travail mené "
            "ensemble par les maisons de quartier depuis 2014-2015.</p>"
            "<p>La Coopération compte ainsi quatre agréments : un « centre social » pour "
            "chacune des trois maisons, et un « Espace de vie sociale » pour la Coopération "
            "elle-même.</p>"
        ),
    },
    {
        "slug": "une-agora-sur-le-cout-des-dechets",
        "title": "« Est-ce que jeter coûte de l'argent ? » : une AGORA dans la rue",
        "published_on": datetime.date(2018, 6, 20),
        "category": "vie-des-maisons",
        "houses": ["saint-nicolas", "les-ors", "noel-guichard"],
        "teaser": (
            "Le mobilier AGORA s'est installé dans l'espace public pour une question simple : "
            "est-ce que jeter coûte de l'argent ?"
        ),
        "body": (
            "<p>L'AGORA, c'est le mobilier de rue des maisons de quartier : moins de 80 cm de "
            "haut, il s'installe sans autorisation préalable, là où passent les habitants.</p>"
            "<p>Des animateurs de séance mènent le débat ; les « papillons » vont vers les "
            "passants et les invitent à donner leur avis.</p>"
        ),
        "image": ("agora-dechets.jpg", "Une AGORA sur les déchets", "#b33c12"),
        "alt": "Illustration : des habitants discutent autour du mobilier AGORA",
    },
    {
        "slug": "territoire-pilote-chaine-de-valeur",
        "title": "Territoire pilote de la démarche « chaîne de valeur »",
        "published_on": datetime.date(2018, 10, 1),
        "category": "projets-communs",
        "houses": ["la-cooperation"],
        "teaser": (
            "En 2018, La Fonda, Le Labo de l'ESS et l'Avise choisissent la Coopération comme "
            "territoire pilote de leur démarche « chaîne de valeur »."
        ),
        "body": (
            "<p>Cette démarche aide les acteurs d'un territoire à décrire ensemble la valeur "
            "qu'ils créent pour les habitants.</p>"
            "<p>Pour la Coopération, c'est l'occasion de prolonger le travail engagé sur son "
            "utilité sociale et sur l'évaluation de ses actions.</p>"
        ),
    },
]


def ensure_categories():
    return {
        slug: Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})[0]
        for slug, name, order in CATEGORIES
    }


def ensure_news_item(data, *, categories, folder, stdout):
    if NewsItem.objects.filter(slug=data["slug"]).exists():
        return
    image = None
    if "image" in data:
        filename, label, colour = data["image"]
        image = ensure_illustration(
            filename=filename, label=label, folder=folder, alt=data["alt"], colour=colour
        )
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
    ensure_page(
        reverse_id="actualites",
        title="Actualités",
        menu_title="Actualités",
        slug="actualites",
        meta_description="Les actualités de la Coopération et des maisons de quartier.",
        apphook="NewsApphook",
        apphook_namespace="news",
        stdout=stdout,
    )
    categories = ensure_categories()
    folder = demo_folder("Illustrations de démonstration")
    for data in NEWS:
        ensure_news_item(data, categories=categories, folder=folder, stdout=stdout)
