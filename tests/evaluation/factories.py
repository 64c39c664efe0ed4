"""Small factories for the evaluation tests."""

import io
from decimal import Decimal

import pypdf
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from reportlab.pdfgen import canvas

from coop_site.demo import ensure_page
from evaluation import services
from evaluation.models import Dimension, DimensionResult, Referential, Report

OFFICER_GROUP = "Chargé·e d'évaluation"


def pdf_bytes(pages=3, text="pouvoir d'agir"):
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for number in range(1, pages + 1):
        c.drawString(72, 720, f"Page {number} : {text}")
        c.showPage()
    c.save()
    return buffer.getvalue()


def encrypted_pdf_bytes():
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def empty_pdf_bytes():
    buffer = io.BytesIO()
    pypdf.PdfWriter().write(buffer)
    return buffer.getvalue()


def upload(data=None, name="rapport.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, pdf_bytes() if data is None else data, content_type)


def make_referential(name="Fleur de test", dimensions=6, scale_max=5, slugs=None):
    referential = Referential.objects.create(name=name, built_in=2017, scale_max=scale_max)
    slugs = slugs or [f"dimension-{i}" for i in range(1, dimensions + 1)]
    for order, slug in enumerate(slugs, start=1):
        Dimension.objects.create(
            referential=referential,
            slug=slug,
            name=f"Pétale {slug}",
            order=order,
            colour="#ffcc00" if order == 1 else "#0d5c63",
        )
    return referential


def make_report(
    *,
    year=2019,
    kind=Report.Kind.ANNUAL,
    referential=None,
    scores=(),
    published=True,
    with_pdf=True,
    user=None,
    end_year=None,
    title=None,
):
    report = Report.objects.create(
        year=year,
        end_year=end_year,
        kind=kind,
        title=title or f"Rapport {year}",
        summary=f"Résumé du rapport {year}.",
        referential=referential,
    )
    if with_pdf:
        # The cover and text are derived when the upload commits: run that here too.
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.report_upload_pdf(report=report, uploaded_file=upload(), user=user)
        report.refresh_from_db()
    if referential is not None:
        for dimension, score in zip(referential.dimensions.all(), scores, strict=False):
            DimensionResult.objects.create(report=report, dimension=dimension, score=Decimal(score))
    if published:
        services.mark_published(report=report)
    return report


def evaluation_page():
    return ensure_page(
        reverse_id="evaluation",
        title="Évaluation de l'utilité sociale",
        menu_title="Évaluation",
        slug="evaluation",
        apphook="EvaluationApphook",
        apphook_namespace="evaluation",
    )


def officer_group():
    """The group as `migrate` leaves it (evaluation/roles.py), and as it comes back
    after a transactional test's flush (coop_site.roles.sync_roles_after_migrate)."""
    return Group.objects.get(name=OFFICER_GROUP)


def officer(django_user_model, username="evaluatrice"):
    user = django_user_model.objects.create_user(username, password="mot-de-passe-1", is_staff=True)
    user.groups.add(officer_group())
    return user
