"""Demo data of the houses app, from ../shared/seed/facts.md.

Facts (names, years, approvals, the address of Les Ors, the 2018 figures and
action sheets) come from the seed. Everything else (phones, hours, closures,
activities, events) is a plausible sample, flagged `is_sample` so that the
admin and the pages say "exemple". Rows are found by slug before being
created, so a second run changes nothing, even though event dates are
computed from the day of the first run. No sample event falls on a closure
of its house, whatever that day is. Only Les Ors has a street address in the
seed: the other houses have none, and so no map link.
"""

import datetime
from decimal import Decimal

from cms.api import add_plugin
from cms.models import PageContent
from django.utils import timezone

from coop_site.demo import LANGUAGE, ensure_page, find_page, revise_page, text_plugins

from .models import (
    Action,
    Activity,
    Approval,
    Closure,
    CommonBaseItem,
    Event,
    House,
    KeyFigure,
    OpeningHours,
)
from .services import cooperation_group_ensure, house_staff_group_ensure

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
        "phone": "04 75 00 00 11",
        "email": "saint-nicolas@example.org",
        "is_sample": True,
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
        "phone": "04 75 00 00 22",
        "email": "les-ors@example.org",
        "is_sample": True,
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
        "phone": "04 75 00 00 33",
        "email": "noel-guichard@example.org",
        "is_sample": True,
    },
    {
        "slug": "accorderie",
        "name": "L'Accorderie de Romans",
        "short_name": "Accorderie",
        "kind": House.Kind.TIME_EXCHANGE,
        "neighbourhood": "Toute la ville",
        "tagline": "Un réseau où les habitants échangent des services en temps, pas en argent.",
        "order": 4,
        "phone": "04 75 00 00 44",
        "email": "accorderie@example.org",
        "is_sample": True,
    },
    {
        "slug": "la-cooperation",
        "name": "La Coopération des Maisons de Quartier",
        "short_name": "La Coopération",
        "kind": House.Kind.COOPERATION,
        "neighbourhood": "Romans-sur-Isère",
        "tagline": "Les trois maisons de quartier et l'Accorderie, qui agissent ensemble.",
        "order": 0,
        "email": "cooperation@example.org",
    },
]

PRESENTATIONS = {
    "saint-nicolas": """<p>La Maison de quartier Saint-Nicolas est une association née en 1988,
au cœur du centre historique de Romans-sur-Isère, un quartier prioritaire d'environ
5 800 habitants. Elle est agréée centre social par la CAF depuis 1998.</p>
<p>Ici, l'accès libre est un principe fondateur : on peut entrer, s'informer et participer
sans condition.</p>""",
    "les-ors": """<p>La Maison de quartier des Ors anime le quartier ouest depuis 1987. C'est le
quartier le plus peuplé de la ville, environ 10 000 habitants, entre ville et campagne, avec
beaucoup de familles et de personnes âgées.</p>
<p>Centre social agréé par la CAF depuis 1998, elle est membre de la fédération nationale des
centres sociaux.</p>""",
    "noel-guichard": """<p>La Maison Citoyenne Noël Guichard, qu'on appelle aussi la Maison de
quartier Est, est le centre social du quartier de La Monnaie, un quartier prioritaire de la
ville.</p>""",
    "accorderie": """<p>À l'Accorderie, les habitants échangent des services : une heure donnée
vaut une heure reçue, quel que soit le service. L'Accorderie de Romans a rejoint la
Coopération fin 2017.</p>""",
    "la-cooperation": """<p>La Coopération réunit les trois maisons de quartier et l'Accorderie.
Née en 2014-2015, quand les maisons ont choisi la solidarité plutôt que la concurrence, elle
est agréée « Espace de vie sociale » par la CAF depuis le printemps 2018.</p>""",
}

APPROVALS = {
    "saint-nicolas": [
        (Approval.Kind.SOCIAL_CENTRE, 1998),
        (Approval.Kind.POPULAR_EDUCATION, 2006),
        (Approval.Kind.ESUS, 2016),
    ],
    "les-ors": [(Approval.Kind.SOCIAL_CENTRE, 1998)],
    "la-cooperation": [(Approval.Kind.SOCIAL_LIFE_SPACE, 2018)],
}

# Sample hours: (weekday, opens, closes).
WEEKDAY_HOURS = [
    (day, opens, closes)
    for day in range(5)
    for opens, closes in (("09:00", "12:00"), ("13:30", "18:30"))
]
SAMPLE_HOURS = {
    "saint-nicolas": WEEKDAY_HOURS,
    "les-ors": [h for h in WEEKDAY_HOURS if not (h[0] == 2 and h[1] == "09:00")]
    + [(5, "09:30", "12:00")],
    "noel-guichard": WEEKDAY_HOURS,
    "accorderie": [(1, "14:00", "18:00"), (3, "14:00", "18:00"), (5, "10:00", "12:00")],
}

COMMON_BASE = [
    (
        CommonBaseItem.Kind.VALUE,
        "La solidarité plutôt que la concurrence",
        "Quand les moyens ont baissé, les maisons ont choisi d'avancer ensemble.",
    ),
    (
        CommonBaseItem.Kind.VALUE,
        "Prendre part à une œuvre commune",
        "Coopérer, c'est construire ensemble, avec les habitants, les bénévoles et les salariés.",
    ),
    (
        CommonBaseItem.Kind.PRINCIPLE,
        "L'éducation populaire",
        "Apprendre les uns des autres et donner à chacun les moyens d'agir.",
    ),
    (
        CommonBaseItem.Kind.PRINCIPLE,
        "La transmission culturelle",
        "Faire vivre et partager les cultures des quartiers.",
    ),
    (
        CommonBaseItem.Kind.PRINCIPLE,
        "Le développement durable",
        "Protéger l'environnement dans les projets et au quotidien (voir la charte écostructure).",
    ),
    (
        CommonBaseItem.Kind.SUPPORT,
        "Une organisation fondée sur les compétences et les mandats",
        "Elle favorise la mobilité des salariés et la représentation des maisons.",
    ),
    (
        CommonBaseItem.Kind.SUPPORT,
        "Des outils de communication communs",
        "Une plaquette, un journal, un site internet et une émission de radio chaque semaine.",
    ),
    (
        CommonBaseItem.Kind.POSTURE,
        "Des modes de travail coopératifs, innovants et solidaires",
        "Pour les équipes de salariés comme pour les bénévoles.",
    ),
    (
        CommonBaseItem.Kind.MODE,
        "Aller à la rencontre des habitants dans l'espace public",
        "Avec l'AGORA, un mobilier de rue pour débattre là où les gens vivent.",
    ),
    (
        CommonBaseItem.Kind.MODE,
        "Des actions menées en Coopération",
        "De nouvelles actions communes, et l'accès des habitants aux activités des trois maisons.",
    ),
]

SOURCE_2018 = "La Coopération, 2018"
KEY_FIGURES = [
    ("agréments « centre social » de la CAF", "", 3),
    ("agrément « Espace de vie sociale » pour la Coopération", "", 1),
    ("bénévoles engagés dans les conseils d'administration et les groupes projets", "plus de", 80),
    ("salariés permanents", "", 24),
    ("associations locales accueillies", "plus de", 90),
]

ALL_HOUSES = ["saint-nicolas", "les-ors", "noel-guichard", "accorderie"]
ACTIONS = [
    {
        "slug": "conserverie-mobile-et-solidaire",
        "title": "La Conserverie mobile et solidaire",
        "first_year": 2017,
        "theme": "Alimentation",
        "summary": (
            "Un camion aménagé en atelier de conserverie, sorti d'usine en septembre 2017 : "
            "la première conserverie mobile et solidaire de France. Habitants et bénévoles "
            "récupèrent les invendus de producteurs locaux et les transforment en conserves."
        ),
    },
    {
        "slug": "mobilite",
        "title": "Mobilité",
        "first_year": 2018,
        "theme": "Mobilité",
        "summary": "Une des cinq fiches actions de la Coopération en 2018.",
    },
    {
        "slug": "radio",
        "title": "La Radio",
        "first_year": 2018,
        "theme": "Communication",
        "summary": "L'émission de radio hebdomadaire des quartiers, fiche action 2018.",
    },
    {
        "slug": "culture",
        "title": "Culture",
        "first_year": 2018,
        "theme": "Culture",
        "summary": "Une des cinq fiches actions de la Coopération en 2018.",
    },
    {
        "slug": "economie-de-partage",
        "title": "Économie de partage",
        "first_year": 2018,
        "theme": "Économie",
        "summary": "Une des cinq fiches actions de la Coopération en 2018.",
    },
]

CONSERVERIE_BODY = """<p>La Conserverie est un camion équipé comme un véritable atelier de
conserverie. Il va là où sont les fruits et légumes : chez les producteurs locaux, dont les
invendus sont récupérés par des habitants et des bénévoles, puis transformés en conserves.</p>
<p>Sorti d'usine en septembre 2017, c'est la première conserverie mobile et solidaire de
France.</p>"""

ACTIVITIES = [
    {
        "slug": "accompagnement-scolaire-saint-nicolas",
        "title": "Accompagnement à la scolarité",
        "houses": ["saint-nicolas"],
        "category": Activity.Category.CHILDHOOD,
        "age_min": 6,
        "age_max": 11,
        "weekday": 1,
        "starts_at_time": "16:30",
        "ends_at_time": "18:00",
        "schedule_note": "aussi le jeudi, hors vacances scolaires",
        "summary": "Un temps calme pour faire ses devoirs, avec des bénévoles, puis un jeu.",
        "registration": "À l'accueil de la maison, avec un parent.",
    },
    {
        "slug": "accueil-de-loisirs-mercredi",
        "title": "Accueil de loisirs du mercredi",
        "houses": ["les-ors"],
        "category": Activity.Category.CHILDHOOD,
        "age_min": 3,
        "age_max": 11,
        "weekday": 2,
        "starts_at_time": "08:30",
        "ends_at_time": "18:00",
        "price_kind": Activity.PriceKind.QUOTIENT,
        "price_grid": "Quotient familial de 0 à 500 € : 3 € la journée\n"
        "de 501 à 900 € : 6 € la journée\nau-delà de 900 € : 10 € la journée",
        "summary": "Jeux, sorties et ateliers pour les enfants le mercredi.",
        "registration": "À l'accueil, avec le carnet de santé et l'attestation de quotient "
        "familial de la CAF.",
        "status": Activity.Status.FULL,
    },
    {
        "slug": "atelier-francais",
        "title": "Atelier de français",
        "houses": ["noel-guichard"],
        "category": Activity.Category.LANGUAGE,
        "age_min": 16,
        "weekday": 0,
        "starts_at_time": "14:00",
        "ends_at_time": "16:00",
        "summary": "Parler, lire et écrire le français de tous les jours, en petit groupe.",
        "registration": "Rencontre avec l'animatrice avant de commencer.",
    },
    {
        "slug": "permanence-acces-aux-droits",
        "title": "Permanence d'accès aux droits",
        "houses": ["saint-nicolas", "noel-guichard"],
        "category": Activity.Category.RIGHTS,
        "age_min": 18,
        "weekday": 3,
        "starts_at_time": "09:00",
        "ends_at_time": "12:00",
        "summary": "De l'aide pour un dossier, un courrier ou une démarche en ligne.",
        "registration": "Sans rendez-vous. Apportez les papiers concernés.",
    },
    {
        "slug": "atelier-numerique-seniors",
        "title": "Atelier numérique",
        "houses": ["les-ors"],
        "category": Activity.Category.DIGITAL,
        "age_min": 60,
        "weekday": 1,
        "starts_at_time": "10:00",
        "ends_at_time": "11:30",
        "summary": "Apprivoiser son téléphone, sa tablette et les démarches en ligne.",
        "registration": "Inscription à l'accueil, huit personnes par séance.",
    },
    {
        "slug": "cuisine-en-famille",
        "title": "Cuisine en famille",
        "houses": ["noel-guichard"],
        "category": Activity.Category.FAMILIES,
        "weekday": 5,
        "starts_at_time": "10:00",
        "ends_at_time": "13:00",
        "schedule_note": "un samedi sur deux",
        "price_kind": Activity.PriceKind.QUOTIENT,
        "price_grid": "Quotient familial jusqu'à 600 € : 1 € par personne\n"
        "au-delà de 600 € : 3 € par personne",
        "summary": "On cuisine ensemble, parents et enfants, puis on partage le repas.",
        "registration": "À l'accueil, avec l'attestation de quotient familial.",
    },
    {
        "slug": "club-jeunes",
        "title": "Club jeunes",
        "houses": ["saint-nicolas"],
        "category": Activity.Category.YOUTH,
        "age_min": 11,
        "age_max": 17,
        "weekday": 4,
        "starts_at_time": "17:00",
        "ends_at_time": "19:30",
        "summary": "Un lieu pour se retrouver et monter des projets entre jeunes.",
        "registration": "Autorisation parentale à remplir à l'accueil.",
    },
    {
        "slug": "eveil-des-tout-petits",
        "title": "Éveil des tout-petits",
        "houses": ["les-ors"],
        "category": Activity.Category.EARLY_CHILDHOOD,
        "age_min": 0,
        "age_max": 3,
        "weekday": 4,
        "starts_at_time": "09:30",
        "ends_at_time": "11:00",
        "summary": "Jeux, comptines et rencontres pour les petits, avec leurs parents.",
    },
    {
        "slug": "atelier-conserverie",
        "title": "Atelier conserverie",
        "houses": ALL_HOUSES,
        "category": Activity.Category.FOOD,
        "schedule_note": "Un samedi par mois, selon la tournée du camion",
        "summary": "Transformer avec la Conserverie les fruits et légumes invendus en conserves.",
        "registration": "Inscription auprès de votre maison de quartier.",
    },
    {
        "slug": "theatre-adultes",
        "title": "Atelier théâtre",
        "houses": ["saint-nicolas"],
        "category": Activity.Category.CULTURE,
        "age_min": 16,
        "weekday": 0,
        "starts_at_time": "18:30",
        "ends_at_time": "20:30",
        "price_kind": Activity.PriceKind.FIXED,
        "price": Decimal("30.00"),
        "summary": "Jouer, improviser et monter un spectacle en fin de saison.",
        "registration": "Adhésion à la maison et 30 € pour la saison.",
    },
    {
        "slug": "gym-douce",
        "title": "Gym douce",
        "houses": ["noel-guichard", "les-ors"],
        "category": Activity.Category.SENIORS,
        "age_min": 55,
        "weekday": 3,
        "starts_at_time": "14:30",
        "ends_at_time": "15:30",
        "price_kind": Activity.PriceKind.FIXED,
        "price": Decimal("20.00"),
        "summary": "Bouger en douceur, à son rythme, dans la bonne humeur.",
        "registration": "Certificat médical demandé.",
    },
    {
        "slug": "accueil-nouveaux-accordeurs",
        "title": "Réunion d'accueil des nouveaux accordeurs",
        "houses": ["accorderie"],
        "category": Activity.Category.ADULTS,
        "age_min": 18,
        "schedule_note": "Un jeudi par mois, à 18 h",
        "summary": "Découvrir l'échange de services en temps et s'inscrire à l'Accorderie.",
        "registration": "Sans inscription : venez avec une pièce d'identité.",
    },
]


def _events(today):
    """Sample events over the coming weeks, dated from the first run's day."""

    def at(days, hour, minute=0):
        return timezone.make_aware(
            datetime.datetime.combine(
                today + datetime.timedelta(days=days), datetime.time(hour, minute)
            )
        )

    return [
        {
            "slug": "agora-place-jacquemart",
            "title": "AGORA : débat sur la place",
            "starts_at": at(6, 10),
            "ends_at": at(6, 12),
            "organiser": "la-cooperation",
            "place_name": "Place Jacquemart",
            "place_address": "Place Jacquemart, 26100 Romans-sur-Isère",
            "theme": Event.Theme.DEBATE,
            "description": "Les maisons de quartier installent l'AGORA sur la place. "
            "Passez, écoutez, donnez votre avis : le thème du jour est affiché sur place.",
        },
        {
            "slug": "tournee-conserverie",
            "title": "Atelier avec la Conserverie mobile",
            "starts_at": at(9, 9),
            "ends_at": at(9, 16),
            "organiser": "les-ors",
            "place_house": "les-ors",
            "theme": Event.Theme.FOOD,
            "description": "Le camion de la Conserverie s'arrête aux Ors : on prépare ensemble "
            "des conserves avec des légumes récupérés.",
            "registration": "Inscription à l'accueil de la maison.",
        },
        {
            "slug": "emission-radio-en-public",
            "title": "L'émission de radio en public",
            "starts_at": at(3, 18),
            "ends_at": at(3, 19),
            "organiser": "saint-nicolas",
            "place_house": "saint-nicolas",
            "theme": Event.Theme.CULTURE,
            "description": "Venez assister à l'enregistrement de l'émission des quartiers.",
        },
        {
            "slug": "sortie-familles-annulee",
            "title": "Sortie familles au bord de l'Isère",
            "starts_at": at(12, 13, 30),
            "ends_at": at(12, 17, 30),
            "organiser": "noel-guichard",
            "place_name": "Départ devant la maison",
            "place_address": "La Monnaie, Romans-sur-Isère",
            "theme": Event.Theme.OUTING,
            "audience": Event.Audience.FAMILIES,
            "is_cancelled": True,
            "description": "Balade et goûter partagé. Annulée faute d'accompagnateurs.",
        },
        {
            "slug": "fete-de-quartier-la-monnaie",
            "title": "Fête de quartier",
            "starts_at": at(20, 0),
            "ends_at": at(20, 23, 59),
            "is_all_day": True,
            "organiser": "noel-guichard",
            "place_house": "noel-guichard",
            "theme": Event.Theme.FESTIVITY,
            "description": "Jeux, musique et repas partagé toute la journée.",
        },
        {
            "slug": "reunion-accorderie",
            "title": "Découvrir l'Accorderie",
            "starts_at": at(15, 18),
            "ends_at": at(15, 19, 30),
            "organiser": "accorderie",
            "place_house": "accorderie",
            "theme": Event.Theme.MEETING,
            "audience": Event.Audience.ADULTS,
            "description": "Une heure pour comprendre l'échange de services en temps.",
        },
        {
            "slug": "cafe-numerique",
            "title": "Café numérique",
            "starts_at": at(4, 14),
            "ends_at": at(4, 16),
            "organiser": "les-ors",
            "place_house": "les-ors",
            "theme": Event.Theme.DIGITAL,
            "audience": Event.Audience.SENIORS,
            "description": "Vos questions sur le téléphone et l'ordinateur, autour d'un café.",
        },
        {
            "slug": "spectacle-enfants",
            "title": "Spectacle pour les enfants",
            "starts_at": at(27, 15),
            "ends_at": at(27, 16),
            "organiser": "saint-nicolas",
            "place_house": "saint-nicolas",
            "theme": Event.Theme.CULTURE,
            "audience": Event.Audience.CHILDREN,
            "description": "Un conte musical pour les 3-8 ans.",
            "registration": "Gratuit, sur réservation à l'accueil.",
        },
        {
            "slug": "repas-partage-automne",
            "title": "Repas partagé",
            "starts_at": at(-20, 12),
            "ends_at": at(-20, 14),
            "organiser": "la-cooperation",
            "place_house": "les-ors",
            "theme": Event.Theme.FESTIVITY,
            "description": "Chacun apporte un plat, et on déjeune ensemble.",
        },
    ]


def load(*, stdout, today=None):
    """`today` (default: the local date) is the day sample dates are computed from."""
    today = today or timezone.localdate()
    houses = {}
    for data in HOUSES:
        fields = dict(data)
        slug = fields.pop("slug")
        house, created = House.objects.get_or_create(slug=slug, defaults=fields)
        houses[slug] = house
        if created:
            stdout.write(f"  maison créée : {fields['name']}")
            _fill_house(house, today=today)
        house_staff_group_ensure(house=house)
    cooperation_group_ensure()

    for order, (kind, title, description) in enumerate(COMMON_BASE):
        CommonBaseItem.objects.get_or_create(
            kind=kind, title=title, defaults={"description": description, "order": order}
        )
    for order, (label, qualifier, value) in enumerate(KEY_FIGURES):
        KeyFigure.objects.get_or_create(
            label=label,
            year=2018,
            house=None,
            defaults={
                "qualifier": qualifier,
                "value": value,
                "source": SOURCE_2018,
                "order": order,
            },
        )
    for data in ACTIONS:
        fields = dict(data)
        action, created = Action.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
        if created:
            action.houses.set([houses[s] for s in ALL_HOUSES])
            if action.slug == "conserverie-mobile-et-solidaire":
                add_plugin(action.body, "TextPlugin", LANGUAGE, body=CONSERVERIE_BODY)
    for data in ACTIVITIES:
        fields = dict(data)
        slug = fields.pop("slug")
        house_slugs = fields.pop("houses")
        for key in ("starts_at_time", "ends_at_time"):
            if key in fields:
                fields[key] = datetime.time.fromisoformat(fields[key])
        activity, created = Activity.objects.get_or_create(
            slug=slug, defaults={**fields, "is_sample": True, "season": "2026-2027"}
        )
        if created:
            activity.houses.set([houses[s] for s in house_slugs])
    for data in _events(today):
        fields = dict(data)
        fields["organiser"] = houses[fields["organiser"]]
        if "place_house" in fields:
            fields["place_house"] = houses[fields["place_house"]]
        event, created = Event.objects.get_or_create(
            slug=fields.pop("slug"), defaults={**fields, "is_sample": True}
        )
        # Also repairs a sample event that an earlier version of the demo dated
        # inside a closure of its house.
        if event.is_sample and _move_out_of_closures(event, today=today):
            event.save(update_fields=["starts_at", "ends_at"])

    _pages(stdout)


def _closure_shift(event, today):
    """Days to move `event` by so that it leaves the closures of its houses; 0 if none.

    A past event moves to just before the closure, an upcoming one just after.
    """
    starts_on = timezone.localdate(event.starts_at)
    ends_on = timezone.localdate(event.ends_at)
    closures = Closure.objects.filter(
        house_id__in={event.organiser_id, event.place_house_id} - {None},
        kind=Closure.Kind.CLOSED,
        starts_on__lte=ends_on,
        ends_on__gte=starts_on,
    ).order_by("starts_on")
    for closure in closures:
        if starts_on < today:
            return (closure.starts_on - ends_on).days - 1
        return (closure.ends_on - starts_on).days + 1
    return 0


def _move_out_of_closures(event, *, today):
    """Move `event` out of its houses' closures; return whether it moved."""
    moved = False
    # Moving out of one closure may land in the next one: move until free.
    while days := _closure_shift(event, today):
        # In local time, so that the hours stay the same across a change of time.
        event.starts_at = timezone.localtime(event.starts_at) + datetime.timedelta(days=days)
        event.ends_at = timezone.localtime(event.ends_at) + datetime.timedelta(days=days)
        moved = True
    return moved


def _fill_house(house, *, today):
    """Presentation, approvals, sample hours and closures of a house created just now."""
    add_plugin(house.presentation, "TextPlugin", LANGUAGE, body=PRESENTATIONS[house.slug])
    for kind, year in APPROVALS.get(house.slug, []):
        Approval.objects.create(house=house, kind=kind, year=year)
    for weekday, opens, closes in SAMPLE_HOURS.get(house.slug, []):
        OpeningHours.objects.create(
            house=house,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
    if house.slug in SAMPLE_HOURS:
        christmas = datetime.date(today.year, 12, 24)
        if christmas < today:
            christmas = christmas.replace(year=today.year + 1)
        Closure.objects.create(
            house=house,
            starts_on=christmas,
            ends_on=christmas + datetime.timedelta(days=8),
            reason="Vacances de fin d'année (exemple)",
        )


def _pages(stdout):
    ensure_page(
        reverse_id="maisons",
        title="Les maisons",
        menu_title="Maisons",
        slug="maisons",
        template="pages/one_column.html",
        meta_description="Les trois maisons de quartier de Romans-sur-Isère et l'Accorderie.",
        apphook="HousesApphook",
        apphook_namespace="houses",
        stdout=stdout,
    )
    ensure_page(
        reverse_id="activites",
        title="Les activités",
        menu_title="Activités",
        slug="activites",
        meta_description="Toutes les activités des maisons de quartier, par âge, jour et maison.",
        apphook="ActivitiesApphook",
        apphook_namespace="activities",
        stdout=stdout,
    )
    ensure_page(
        reverse_id="agenda",
        title="L'agenda",
        menu_title="Agenda",
        slug="agenda",
        meta_description="Les prochains événements des maisons de quartier de Romans-sur-Isère.",
        apphook="AgendaApphook",
        apphook_namespace="agenda",
        stdout=stdout,
    )
    cooperation = find_page("la-cooperation")
    existing = find_page(COMMON_BASE_REVERSE_ID)
    common_base = ensure_page(
        reverse_id=COMMON_BASE_REVERSE_ID,
        title="Le socle commun",
        slug="le-socle-commun",
        parent=cooperation,
        # In La Coopération's section; never in the main menu on its own.
        in_navigation=cooperation is not None,
        # Its address from before it joined La Coopération's section, still in use.
        overwrite_url=COMMON_BASE_URL if cooperation else None,
        meta_description="Les valeurs, principes et façons de faire que partagent les maisons.",
        apphook="CommonBaseApphook",
        apphook_namespace="common_base",
        stdout=stdout,
    )
    if cooperation is None:
        return
    if existing is not None and existing.parent_id is None:
        _move_common_base_into_cooperation(common_base, cooperation, stdout=stdout)
    for reverse_id, words in COMMON_BASE_MENTIONS.items():
        source = find_page(reverse_id)
        if source is not None:
            _link_common_base_from(common_base, source=source, words=words, stdout=stdout)


COMMON_BASE_REVERSE_ID = "socle-commun"
COMMON_BASE_URL = "le-socle-commun"
# Where the demo texts of La Coopération's section name the socle commun.
COMMON_BASE_MENTIONS = {
    "la-cooperation": "<strong>socle commun d'existence</strong>",
    "agora": "socle commun de la Coopération",
}


def _move_common_base_into_cooperation(page, cooperation, *, stdout):
    """An earlier demo left the page at the root, out of every menu: move it in once."""
    page.move_page(cooperation, position="last-child")

    def show_in_menu(content):
        content.in_navigation = True
        content.overwrite_url = COMMON_BASE_URL
        content.save()

    revise_page(page, change=show_in_menu, stdout=stdout)


def _link_common_base_from(page, *, source, words, stdout):
    """Link `words` of the `source` page's text to the socle commun `page`, once.

    The link names the page (`data-cms-href`), so it follows the page if it moves.
    """
    link = (
        f'<a href="{page.get_absolute_url(LANGUAGE)}" data-cms-href="cms.page:{page.pk}">'
        f"{words}</a>"
    )

    def unlinked(plugin):
        return words in plugin.body and f"cms.page:{page.pk}" not in plugin.body

    published = PageContent.objects.filter(page=source, language=LANGUAGE).first()
    if published is None or not any(map(unlinked, text_plugins(published, "content"))):
        return  # already linked, or the team rewrote the text

    def add_link(content):
        for plugin in filter(unlinked, text_plugins(content, "content")):
            plugin.body = plugin.body.replace(words, link, 1)
            plugin.save()

    revise_page(source, change=add_link, stdout=stdout)
