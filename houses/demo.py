"""Demo data of the houses app, from ../shared/seed/facts.md."""

from coop_site.demo import ensure_page

from .models import House

HOUSES = [
    {
        "slug": "saint-nicolas",
        "name": "Maison de quartier Saint-Nicolas",
        "short_name": "Saint-Nicolas",
        "kind": House.Kind.SOCIAL_CENTRE,
        "neighbourhood": "Centre-ville, centre historique",
        "is_priority_area": True,
        "founded_in": 1988,
        "tagline": "La maison de quartier du centre historique, où l'accès libre est un principe.",
        "order": 1,
    },
    {
        "slug": "les-ors",
        "name": "Maison de quartier des Ors",
        "short_name": "Les Ors",
        "kind": House.Kind.SOCIAL_CENTRE,
        "neighbourhood": "Quartier ouest",
        "street_address": "26 rue Magnard",
        "postcode": "26100",
        "is_priority_area": False,
        "founded_in": 1987,
        "tagline": "La maison du quartier le plus peuplé de Romans, entre ville et campagne.",
        "order": 2,
    },
    {
        "slug": "noel-guichard",
        "name": "Maison Citoyenne Noël Guichard",
        "short_name": "Noël Guichard",
        "kind": House.Kind.SOCIAL_CENTRE,
        "neighbourhood": "La Monnaie, quartier est",
        "is_priority_area": True,
        "tagline": "La maison de quartier Est, au cœur de La Monnaie.",
        "order": 3,
    },
    {
        "slug": "accorderie",
        "name": "L'Accorderie de Romans",
        "short_name": "Accorderie",
        "kind": House.Kind.TIME_EXCHANGE,
        "neighbourhood": "Toute la ville",
        "tagline": "Un réseau où les habitants échangent des services en temps, pas en argent.",
        "order": 4,
    },
    {
        "slug": "la-cooperation",
        "name": "La Coopération des Maisons de Quartier",
        "short_name": "La Coopération",
        "kind": House.Kind.COOPERATION,
        "neighbourhood": "Romans-sur-Isère",
        "tagline": "Les trois maisons de quartier et l'Accorderie, qui agissent ensemble.",
        "order": 0,
    },
]


def load(*, stdout):
    for data in HOUSES:
        fields = dict(data)
        slug = fields.pop("slug")
        _, created = House.objects.get_or_create(slug=slug, defaults=fields)
        if created:
            stdout.write(f"  maison créée : {fields['name']}")
    ensure_page(
        reverse_id="maisons",
        title="Les maisons",
        slug="maisons",
        template="pages/one_column.html",
        meta_description="Les trois maisons de quartier de Romans-sur-Isère et l'Accorderie.",
        apphook="HousesApphook",
        apphook_namespace="houses",
        stdout=stdout,
    )
