"""Demo data of the charter app.

The charter's text is the association's own (../shared/seed/la-cooperation.txt,
"Charte écostructure"), kept word for word but for spelling and typography.
The progress of the houses is invented to show the dashboard: every entry is
flagged `is_sample`, which the admin and the public page show.
"""

from coop_site.demo import ensure_page
from houses.models import House

from .models import Charter, CharterSection, Commitment, CommitmentProgress, Theme

THEMES = [
    ("dechets", "Déchets"),
    ("energie-eau", "Énergie et eau"),
    ("mobilite", "Mobilité"),
    ("alimentation", "Alimentation"),
    ("achats", "Achats"),
    ("pedagogie", "Pédagogie"),
    ("locaux", "Locaux"),
    ("numerique", "Numérique"),
    ("communication", "Communication"),
]

CHARTER = {
    "title": "Charte écostructure commune aux 3 maisons de quartier",
    "preamble": (
        "Engager la démarche de développement durable et la protection de l'environnement "
        "comme un des 3 principes de nos projets associatifs."
    ),
    "quote": (
        "Il y a suffisamment de ressources pour répondre aux besoins de tous, mais pas assez "
        "pour satisfaire le désir de possession de chacun."
    ),
    "quote_author": "Gandhi",
    "reflection": (
        "Rappelant cette célèbre citation de Gandhi, nous nous posons la question suivante : "
        "comment les Hommes peuvent-ils cohabiter avec la misère quand on sait qu'ils "
        "produisent suffisamment de richesses pour satisfaire les besoins primaires de "
        "l'ensemble de la planète ?"
    ),
    "reflection_author": "Patrick Viveret",
}

# (title, intro, [(commitment text, theme slugs, sample "what was done")])
SECTIONS = [
    (
        "Des projets adaptés",
        "",
        [
            (
                "Activer les pédagogies qui sensibilisent les mineurs au respect de "
                "l'environnement (projet éducatif, projet pédagogique et projet d'activités).",
                ["pedagogie"],
                "Ateliers nature et tri inscrits au projet pédagogique de l'accueil de loisirs.",
            ),
            (
                "Former et développer la pratique de la constitution de repas, de choix des "
                "aliments pour les accueils de loisirs auprès des mineurs et de l'ensemble des "
                "actions des maisons de quartier.",
                ["alimentation", "pedagogie"],
                "Menus des sorties préparés avec les enfants, à partir de produits de saison.",
            ),
            (
                "Participer à l'accompagnement social du changement de comportement envers "
                "les habitants du territoire pour la citoyenneté.",
                ["pedagogie"],
                "Un atelier avec les habitants sur les économies d'énergie à la maison.",
            ),
            (
                "Favoriser le transport collectif, mutualisé, l'utilisation de transports "
                "doux dans les déplacements des adhérents aux actions des structures "
                "partenaires.",
                ["mobilite"],
                "Covoiturage organisé pour les sorties familles, vélo pour les petits trajets.",
            ),
            (
                "Rendre visible et lisible son action auprès de ses adhérents, publics, "
                "partenaires, collaborateurs…",
                ["communication"],
                "Une page de la plaquette présente la charte et ses engagements.",
            ),
            (
                "Favoriser l'utilisation, la fabrication à partir de matériaux récupérés.",
                ["dechets"],
                "Mobilier de l'accueil fabriqué à partir de palettes récupérées.",
            ),
            (
                "Permettre aux associations utilisatrices des locaux de respecter la charte.",
                ["locaux"],
                "La charte est remise à chaque association qui utilise une salle.",
            ),
        ],
    ),
    (
        "En interne, dans les gestes quotidiens",
        "En interne, dans leurs gestes quotidiens, les équipes s'orientent vers un "
        "comportement citoyen et responsable :",
        [
            (
                "Former et informer l'ensemble de son personnel « volontaire », permanent, "
                "intervenant pour l'inciter à développer des pratiques professionnelles, "
                "d'encadrement d'activités respectueuses du développement durable.",
                ["pedagogie"],
                "Une demi-journée sur la charte pour les salariés et les bénévoles.",
            ),
            (
                "Instaurer le tri sélectif des déchets dans l'ensemble de ses locaux.",
                ["dechets", "locaux"],
                "Bacs de tri dans toutes les salles et au bureau.",
            ),
            (
                "Favoriser le transport collectif, mutualisé, l'utilisation de transports "
                "doux dans les déplacements professionnels et des adhérents aux actions de la "
                "structure.",
                ["mobilite"],
                "Déplacements professionnels en bus ou à vélo dès que c'est possible.",
            ),
            (
                "Penser et proposer un réaménagement des locaux, des équipements dans un souci "
                "de « haute qualité environnementale et sociale du travailleur ».",
                ["locaux"],
                "Réaménagement du bureau de l'accueil étudié avec l'équipe.",
            ),
            (
                "Signaler tout dysfonctionnement d'énergie : fuite d'eau, problème de chaleur…",
                ["energie-eau", "locaux"],
                "Un cahier à l'accueil pour signaler fuites et problèmes de chauffage.",
            ),
            (
                "Limiter l'utilisation abusive du papier en imprimant de préférence en "
                "recto-verso, sur du brouillon, du papier recyclé, en n'imprimant pas "
                "« forcément » les courriels, en limitant les documents papier de présentation "
                "des actions mis à disposition du public.",
                ["dechets", "numerique"],
                "Impression en recto-verso par défaut sur tous les postes.",
            ),
            (
                "Ne plus utiliser de vaisselle ou de matériel jetable en plastique. Développer "
                "le compostable, le réutilisable, le durable.",
                ["dechets", "alimentation"],
                "Vaisselle lavable achetée pour les fêtes de quartier.",
            ),
            (
                "Favoriser l'information, la sensibilisation aux économies de « flux » dans "
                "les locaux, équipements, camps, séjours… : eau, électricité, chaleur…",
                ["energie-eau", "pedagogie"],
                "Affichettes sur les économies d'eau et d'électricité dans les salles.",
            ),
            (
                "Les PC et appareils électriques sont éteints une fois leur utilisation terminée.",
                ["energie-eau", "numerique"],
                "Multiprises à interrupteur installées sur les postes de travail.",
            ),
            (
                "Chacun veille à l'extinction des lumières lorsqu'il sort d'une salle.",
                ["energie-eau"],
                "Rappel « éteindre en sortant » affiché à chaque porte.",
            ),
        ],
    ),
    (
        "Acheter responsable",
        "Consommables et fournitures.",
        [
            (
                "Une sélection de fournisseurs de proximité et respectueux de l'environnement "
                "au moindre coût global : nous privilégierons, à chaque fois que cela sera "
                "possible, les achats de produits bios, locaux, non emballés et les moins "
                "impactants toxiquement.",
                ["achats", "alimentation"],
                "Fruits et légumes du goûter achetés chez un producteur local.",
            ),
            (
                "Choisir des fournisseurs en fonction de leur éthique environnementale dans la "
                "limite d'un coût supportable.",
                ["achats"],
                "Une grille de choix des fournisseurs qui tient compte de leur démarche.",
            ),
            (
                "Les produits d'entretien bénéficiant d'un écolabel seront utilisés "
                "prioritairement.",
                ["achats", "locaux"],
                "Produits d'entretien écolabellisés pour le ménage des locaux.",
            ),
            (
                "L'utilisation des produits jetables est maîtrisée.",
                ["achats", "dechets"],
                "Gobelets jetables remplacés par des gobelets réutilisables.",
            ),
        ],
    ),
]

SAMPLE_YEARS = (2024, 2025)
LEVELS = [
    CommitmentProgress.Status.TO_START,
    CommitmentProgress.Status.IN_PROGRESS,
    CommitmentProgress.Status.KEPT,
]


def sample_status(house_index, commitment_index, year_index):
    """A spread of statuses that improves from one year to the next, or None (not filled in)."""
    if (house_index + commitment_index) % 9 == 4 and year_index == 0:
        return None
    level = (house_index * 5 + commitment_index * 7) % 3
    if year_index and (house_index + commitment_index) % 2 == 0:
        level = min(level + 1, 2)
    return LEVELS[level]


def ensure_charter():
    themes = {}
    for order, (slug, name) in enumerate(THEMES, start=1):
        themes[slug], _ = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
    charter, _ = Charter.objects.get_or_create(
        version=1, defaults={**CHARTER, "is_current": not Charter.objects.current()}
    )
    commitments = []
    for section_order, (title, intro, items) in enumerate(SECTIONS, start=1):
        section, _ = CharterSection.objects.get_or_create(
            charter=charter, order=section_order, defaults={"title": title, "intro": intro}
        )
        for order, (text, slugs, done) in enumerate(items, start=1):
            commitment, created = Commitment.objects.get_or_create(
                section=section, order=order, defaults={"text": text}
            )
            if created:
                commitment.themes.set([themes[slug] for slug in slugs])
            commitments.append((commitment, done))
    return charter, commitments


def load(*, stdout):
    charter, commitments = ensure_charter()
    created = 0
    houses = House.objects.neighbourhood_houses()
    for house_index, house in enumerate(houses):
        for year_index, year in enumerate(SAMPLE_YEARS):
            for commitment_index, (commitment, done) in enumerate(commitments):
                status = sample_status(house_index, commitment_index, year_index)
                if status is None:
                    continue
                _, was_created = CommitmentProgress.objects.get_or_create(
                    house=house,
                    commitment=commitment,
                    year=year,
                    defaults={
                        "status": status,
                        "done": "" if status == CommitmentProgress.Status.TO_START else done,
                        "is_sample": True,
                    },
                )
                created += was_created
    if created:
        stdout.write(f"  avancement d'exemple de la charte : {created} statuts")
    ensure_page(
        reverse_id="charte",
        title="Charte écostructure",
        menu_title="Charte",
        slug="charte-ecostructure",
        template="pages/one_column.html",
        meta_description=(
            "La charte écostructure des maisons de quartier de Romans-sur-Isère et ce que "
            "chaque maison fait, année après année, pour la tenir."
        ),
        apphook="CharterApphook",
        apphook_namespace="charter",
        stdout=stdout,
    )
