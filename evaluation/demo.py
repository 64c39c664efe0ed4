"""Demo data of the evaluation app, from ../shared/seed/.

The seed says what the evaluation did (2017-2018: a final report and a
synthesis, six dimensions defined together, field work with four groups;
2019: 5 actions in cooperation, 7 by the houses, a study of residents'
"pouvoir d'agir"). It does not give the dimensions' names, the scores, the
findings or the figures: every one of those is a sample, and says so.
"""

import io
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from coop_site.demo import demo_user, ensure_page
from houses.models import Action, House

from . import services
from .models import (
    Dimension,
    DimensionResult,
    EvaluatedAction,
    Indicator,
    IndicatorValue,
    Referential,
    Report,
)

REFERENTIAL = {
    "name": "Fleur de l'utilité sociale (2017)",
    "built_in": 2017,
    "scale_max": 5,
    "description": (
        "Le référentiel a été co-construit en 2017 avec toutes les parties prenantes des maisons "
        "de quartier : salariés, administrateurs, habitants et partenaires. Chacun de ses six "
        "pétales est une dimension de ce à quoi sert la Coopération. Les noms ci-dessous sont "
        "des exemples, à remplacer par ceux du référentiel."
    ),
}

COLOURS = ["#0d5c63", "#b33c12", "#6a3d9a", "#1d6b35", "#8a5300", "#1f5fa8"]

DIMENSIONS = [
    {
        "slug": f"dimension-{i}",
        "name": f"Dimension {i} (exemple)",
        "order": i,
        "colour": COLOURS[i - 1],
        "description": (
            "Description d'exemple : le nom et le contenu réels de cette dimension sont à saisir "
            "par la personne chargée de l'évaluation."
        ),
    }
    for i in range(1, 7)
]

SCORES_2017 = ["3", "2.5", "3.5", "2", "3", "2.5"]
SCORES_2019 = ["3.5", "3", "4", "3", "3.5", "3"]

FINAL_2017 = {
    "year": 2017,
    "end_year": 2018,
    "kind": Report.Kind.FINAL,
    "title": "Évaluation de l'utilité sociale de la Coopération 2017-2018",
    # The seed gives the years only: the days are samples, the years are facts.
    "published_on": date(2018, 11, 15),
    "summary": (
        "Après trois ans de travail en commun, les maisons de quartier ont voulu savoir à quoi "
        "sert leur coopération. Pendant un an, elles ont défini ensemble six dimensions de leur "
        "utilité sociale, puis les ont mesurées avec des questionnaires, des entretiens et des "
        "ateliers auprès des salariés, des administrateurs, des habitants et des partenaires.\n"
        "Les scores et constats affichés sur cette page de démonstration sont des exemples."
    ),
}

SYNTHESIS_2017 = {
    "year": 2017,
    "end_year": 2018,
    "kind": Report.Kind.SYNTHESIS,
    "title": "Synthèse de l'évaluation de l'utilité sociale 2017-2018",
    "published_on": date(2018, 12, 3),
    "summary": (
        "L'essentiel du rapport final en quelques pages : la question de départ « La Coopération, "
        "à quoi ça sert ? », la démarche, et ce qu'elle a appris."
    ),
}

ANNUAL_2019 = {
    "year": 2019,
    "kind": Report.Kind.ANNUAL,
    "title": "Rapport d'évaluation d'impact social 2019",
    "published_on": date(2019, 12, 16),
    "summary": (
        "En 2019, les maisons de quartier ont renouvelé la démarche : elles ont étudié l'impact "
        "de 5 actions menées en Coopération et de 7 actions menées par chaque maison « en "
        "propre », au prisme de la Fleur de l'utilité sociale. Le rapport s'intéresse aussi au "
        "développement du pouvoir d'agir des habitants.\n"
        "Les scores, constats et indicateurs affichés sur cette page de démonstration sont des "
        "exemples."
    ),
}

# Titles from the 2018 action sheets in the seed; that the 2019 report studied
# them is not known, hence "(exemple)". Slugs to find the houses' Action, if any.
COOPERATION_ACTIONS_2019 = [
    (
        "Conserverie mobile et solidaire (exemple)",
        ["conserverie", "conserverie-mobile-et-solidaire"],
    ),
    ("Mobilité (exemple)", ["mobilite"]),
    ("Émission de radio de quartier (exemple)", ["radio", "emission-de-radio"]),
    ("Culture (exemple)", ["culture"]),
    ("Économie de partage (exemple)", ["economie-de-partage"]),
]
HOUSE_ACTIONS_2019 = [
    ("saint-nicolas", "Action de la maison, exemple 1"),
    ("saint-nicolas", "Action de la maison, exemple 2"),
    ("les-ors", "Action de la maison, exemple 3"),
    ("les-ors", "Action de la maison, exemple 4"),
    ("noel-guichard", "Action de la maison, exemple 5"),
    ("noel-guichard", "Action de la maison, exemple 6"),
    ("accorderie", "Action de la maison, exemple 7"),
]

INDICATORS = [
    ("Personnes ayant répondu aux questionnaires (exemple)", "personnes", 1, "180", "210"),
    ("Entretiens menés (exemple)", "entretiens", 2, "24", "30"),
    ("Participants aux ateliers (exemple)", "personnes", 3, "65", "90"),
]


def sample_pdf(title, period, pages):
    """A small A4 PDF that says, on every page, that it is a sample."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"{title} (exemple)", author="Coopération (exemple)"
    )
    big = styles["Title"].clone(
        "big", fontSize=26, leading=32, textColor=colors.HexColor("#0d5c63")
    )
    story = [
        Spacer(1, 4 * cm),
        Paragraph(title, big),
        Spacer(1, 1 * cm),
        Paragraph(f"Période évaluée : {period}", styles["Heading2"]),
        Paragraph("DOCUMENT D'EXEMPLE — site de démonstration", styles["Heading2"]),
        Spacer(1, 1 * cm),
        Paragraph("Coopération des Maisons de Quartier de Romans-sur-Isère", styles["Normal"]),
    ]
    for heading, body in pages:
        story += [
            PageBreak(),
            Paragraph(heading, styles["Heading1"]),
            Paragraph(body, styles["BodyText"]),
            Spacer(1, 0.5 * cm),
            Paragraph("Ce document est un exemple généré pour la démonstration.", styles["Italic"]),
        ]
    doc.build(story)
    return buffer.getvalue()


PDF_PAGES = [
    (
        "L'utilité sociale, de quoi parle-t-on ?",
        "L'utilité sociale, c'est ce que la coopération entre les maisons de quartier change pour "
        "les habitants et pour le territoire. Texte d'exemple.",
    ),
    (
        "La Fleur de l'utilité sociale",
        "Le référentiel, co-construit avec les salariés, les administrateurs, les habitants et les "
        "partenaires, compte six dimensions. Texte d'exemple.",
    ),
    (
        "Le pouvoir d'agir des habitants",
        "Favoriser le développement du pouvoir d'agir des habitants est un objectif fondamental "
        "des maisons de quartier. Texte d'exemple.",
    ),
]


def _ensure_report(data, *, referential, user, stdout, pages=PDF_PAGES, full_report=None):
    report = Report.objects.filter(year=data["year"], kind=data["kind"]).first()
    if report is not None:
        return report, False
    report = Report(referential=referential, full_report=full_report, **data)
    report.save()
    content = sample_pdf(report.title, report.period_label, pages)
    upload = SimpleUploadedFile(
        f"{report.period_label}-{report.kind}-exemple.pdf", content, "application/pdf"
    )
    services.report_upload_pdf(report=report, uploaded_file=upload, user=user)
    services.mark_published(report=report)  # keeps the historic date set above
    stdout.write(f"  rapport créé : {report}")
    return report, True


def _scores(report, dimensions, scores):
    for dimension, score in zip(dimensions, scores, strict=True):
        DimensionResult.objects.create(
            report=report,
            dimension=dimension,
            score=Decimal(score),
            observed=(
                f"Constat d'exemple pour « {dimension.name} » : ce texte montre où la personne "
                "chargée de l'évaluation décrit ce qui a été observé sur le terrain."
            ),
            quotes="Une parole d'habitant, en exemple.",
        )


def _find_action(slugs):
    return Action.objects.filter(slug__in=slugs).first()


def _actions_2019(report, dimensions):
    for order, (title, slugs) in enumerate(COOPERATION_ACTIONS_2019):
        action = EvaluatedAction.objects.create(
            report=report,
            title=title,
            scope=EvaluatedAction.Scope.COOPERATION,
            action=_find_action(slugs),
            findings="Constat d'exemple : ce que l'action a changé pour les habitants.",
            order=order,
        )
        action.dimensions.set(dimensions[order % 6 : order % 6 + 2])
    houses = {house.slug: house for house in House.objects.all()}
    for order, (slug, title) in enumerate(HOUSE_ACTIONS_2019):
        house = houses.get(slug)
        if house is None:
            continue
        action = EvaluatedAction.objects.create(
            report=report,
            title=title,
            scope=EvaluatedAction.Scope.HOUSE,
            house=house,
            findings="Constat d'exemple : ce que l'action a changé dans le quartier.",
            order=order,
        )
        action.dimensions.set([dimensions[order % 6]])


def _indicators(dimensions, reports):
    for order, (label, unit, dimension_index, *values) in enumerate(INDICATORS):
        indicator, _ = Indicator.objects.get_or_create(
            label=label,
            defaults={"unit": unit, "dimension": dimensions[dimension_index - 1], "order": order},
        )
        for report, value in zip(reports, values, strict=True):
            if report is not None:
                IndicatorValue.objects.get_or_create(
                    indicator=indicator,
                    report=report,
                    defaults={"value": Decimal(value), "note": "Valeur d'exemple"},
                )


def load(*, stdout):
    user = demo_user()
    referential, created = Referential.objects.get_or_create(
        name=REFERENTIAL["name"], defaults=REFERENTIAL
    )
    if created:
        stdout.write(f"  référentiel créé : {referential}")
    dimensions = []
    for data in DIMENSIONS:
        fields = dict(data)
        slug = fields.pop("slug")
        dimension, _ = Dimension.objects.get_or_create(
            referential=referential, slug=slug, defaults=fields
        )
        dimensions.append(dimension)

    final, created = _ensure_report(FINAL_2017, referential=referential, user=user, stdout=stdout)
    if created:
        _scores(final, dimensions, SCORES_2017)
    _ensure_report(
        SYNTHESIS_2017,
        referential=referential,
        user=user,
        stdout=stdout,
        pages=PDF_PAGES[:1],
        full_report=final,
    )
    annual, created = _ensure_report(ANNUAL_2019, referential=referential, user=user, stdout=stdout)
    if created:
        _scores(annual, dimensions, SCORES_2019)
        _actions_2019(annual, dimensions)
    _indicators(dimensions, [final, annual])

    ensure_page(
        reverse_id="evaluation",
        title="Évaluation de l'utilité sociale",
        menu_title="Évaluation",
        slug="evaluation",
        meta_description=(
            "Ce que change la Coopération des maisons de quartier pour les habitants : la Fleur "
            "de l'utilité sociale, les rapports d'évaluation année par année et leurs résultats."
        ),
        apphook="EvaluationApphook",
        apphook_namespace="evaluation",
        stdout=stdout,
    )
