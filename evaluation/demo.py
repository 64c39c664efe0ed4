"""Demo data of the evaluation app, from ../shared/seed/: the loading logic of
evaluation/demo.yaml.

The seed says what the evaluation did (2017-2018: a final report and a
synthesis, six dimensions defined together, field work with four groups;
2019: 5 actions in cooperation, 7 by the houses, a study of residents'
"pouvoir d'agir"). It does not give the dimensions' names, the scores, the
findings or the figures: every one of those is a sample, and says so.
"""

import io
from decimal import Decimal
from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from coop_site.demo import DemoData, demo_user, ensure_page
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

DATA = DemoData(
    __file__,
    required={
        "referential": ("name", "built_in", "scale_max", "description"),
        "dimensions": ("slug", "name", "colour"),
        "dimension_description": (),
        "reports": ("final_2017", "synthesis_2017", "annual_2019"),
        "cooperation_actions_2019": ("title", "action_slugs"),
        "house_actions_2019": ("house", "title"),
        "indicators": ("label", "unit", "dimension", "values"),
        "pdf_pages": ("heading", "body"),
        "page": ("reverse_id", "title", "slug"),
        "sample_texts": (
            "observed",
            "quotes",
            "cooperation_action_findings",
            "house_action_findings",
            "indicator_note",
        ),
    },
)


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


def _ensure_report(data, *, referential, user, stdout, pages=None, full_report=None):
    report = Report.objects.filter(year=data["year"], kind=data["kind"]).first()
    if report is not None:
        return report, False
    fields = {key: value for key, value in data.items() if key != "scores"}
    report = Report(referential=referential, full_report=full_report, **fields)
    report.save()
    if pages is None:
        pages = [(page["heading"], page["body"]) for page in DATA["pdf_pages"]]
    content = sample_pdf(report.title, report.period_label, pages)
    upload = SimpleUploadedFile(
        f"{report.period_label}-{report.kind}-exemple.pdf", content, "application/pdf"
    )
    services.report_upload_pdf(report=report, uploaded_file=upload, user=user)
    services.mark_published(report=report)  # keeps the historic date set above
    stdout.write(f"  rapport créé : {report}")
    return report, True


def _scores(report, dimensions, scores):
    texts = DATA["sample_texts"]
    for dimension, score in zip(dimensions, scores, strict=True):
        DimensionResult.objects.create(
            report=report,
            dimension=dimension,
            score=Decimal(score),
            observed=texts["observed"].format(dimension=dimension.name),
            quotes=texts["quotes"],
        )


def _find_action(slugs):
    return Action.objects.filter(slug__in=slugs).first()


def _actions_2019(report, dimensions):
    texts = DATA["sample_texts"]
    for order, data in enumerate(DATA["cooperation_actions_2019"]):
        action = EvaluatedAction.objects.create(
            report=report,
            title=data["title"],
            scope=EvaluatedAction.Scope.COOPERATION,
            action=_find_action(data["action_slugs"]),
            findings=texts["cooperation_action_findings"],
            order=order,
        )
        action.dimensions.set(dimensions[order % 6 : order % 6 + 2])
    houses = {house.slug: house for house in House.objects.all()}
    for order, data in enumerate(DATA["house_actions_2019"]):
        house = houses.get(data["house"])
        if house is None:
            continue
        action = EvaluatedAction.objects.create(
            report=report,
            title=data["title"],
            scope=EvaluatedAction.Scope.HOUSE,
            house=house,
            findings=texts["house_action_findings"],
            order=order,
        )
        action.dimensions.set([dimensions[order % 6]])


def _indicators(dimensions, reports):
    for order, data in enumerate(DATA["indicators"]):
        indicator, _ = Indicator.objects.get_or_create(
            label=data["label"],
            defaults={
                "unit": data["unit"],
                "dimension": dimensions[data["dimension"] - 1],
                "order": order,
            },
        )
        for report, value in zip(reports, data["values"], strict=True):
            if report is not None:
                IndicatorValue.objects.get_or_create(
                    indicator=indicator,
                    report=report,
                    defaults={
                        "value": Decimal(value),
                        "note": DATA["sample_texts"]["indicator_note"],
                    },
                )


def load(*, stdout):
    user = demo_user()
    fields = DATA["referential"]
    referential, created = Referential.objects.get_or_create(name=fields["name"], defaults=fields)
    if created:
        stdout.write(f"  référentiel créé : {referential}")
    dimensions = []
    for order, data in enumerate(DATA["dimensions"], start=1):
        dimension, _ = Dimension.objects.get_or_create(
            referential=referential,
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "order": order,
                "colour": data["colour"],
                "description": DATA["dimension_description"],
            },
        )
        dimensions.append(dimension)

    reports = DATA["reports"]
    ensure = partial(_ensure_report, referential=referential, user=user, stdout=stdout)
    final, created = ensure(reports["final_2017"])
    if created:
        _scores(final, dimensions, reports["final_2017"]["scores"])
    first_page = DATA["pdf_pages"][0]
    ensure(
        reports["synthesis_2017"],
        pages=[(first_page["heading"], first_page["body"])],
        full_report=final,
    )
    annual, created = ensure(reports["annual_2019"])
    if created:
        _scores(annual, dimensions, reports["annual_2019"]["scores"])
        _actions_2019(annual, dimensions)
    _indicators(dimensions, [final, annual])

    ensure_page(**DATA["page"], stdout=stdout)
