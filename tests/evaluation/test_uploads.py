import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from PIL import Image

from evaluation import services
from evaluation.forms import ReportAdminForm
from evaluation.models import Report, ReportFileHistory
from evaluation.storage import private_root

from .factories import (
    empty_pdf_bytes,
    encrypted_pdf_bytes,
    make_report,
    pdf_bytes,
    upload,
)

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)

REFUSED = {
    "text renamed .pdf": (b"Ceci est un simple texte.\n" * 20, "rapport.pdf", "n'est pas un PDF"),
    "truncated": (pdf_bytes()[:900], "rapport.pdf", "incomplet"),
    "encrypted": (encrypted_pdf_bytes(), "rapport.pdf", "protégé par un mot de passe"),
    "no page": (empty_pdf_bytes(), "rapport.pdf", "aucune page"),
    "png": (PNG, "rapport.png", "n'est pas un PDF"),
}


def stored_files():
    root = Path(private_root())
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def form_data(**extra):
    return {"year": "2020", "kind": Report.Kind.ANNUAL, "title": "Rapport 2020", **extra}


@pytest.mark.django_db
@pytest.mark.parametrize("case", REFUSED.keys())
def test_bad_uploads_are_refused_at_the_field_and_nothing_is_stored(case):
    data, name, message = REFUSED[case]
    form = ReportAdminForm(data=form_data(), files={"pdf_upload": upload(data, name)})

    assert not form.is_valid()
    assert message in " ".join(form.errors["pdf_upload"])
    assert Report.objects.count() == 0
    assert stored_files() == []


@pytest.mark.django_db
def test_an_oversize_pdf_is_refused_with_the_limit(settings):
    settings.EVALUATION_REPORT_MAX_SIZE = 1000
    form = ReportAdminForm(data=form_data(), files={"pdf_upload": upload(pdf_bytes(pages=5))})

    assert not form.is_valid()
    assert "la taille maximale est de 1000" in " ".join(form.errors["pdf_upload"])
    assert stored_files() == []


@pytest.mark.django_db
def test_the_service_refuses_what_the_form_refuses():
    report = Report.objects.create(year=2020, kind=Report.Kind.ANNUAL, title="Rapport 2020")

    with pytest.raises(ValidationError):
        services.report_upload_pdf(report=report, uploaded_file=upload(b"%PDF-1.4 rien"), user=None)

    report.refresh_from_db()
    assert not report.pdf
    assert stored_files() == []


@pytest.mark.django_db
def test_a_valid_pdf_gives_its_page_count_size_cover_and_text(
    admin_user, django_capture_on_commit_callbacks
):
    data = pdf_bytes(pages=4)
    report = Report.objects.create(year=2020, kind=Report.Kind.ANNUAL, title="Rapport d'été")

    with django_capture_on_commit_callbacks(execute=True):
        services.report_upload_pdf(
            report=report,
            uploaded_file=upload(data, "C:\\Users\\moi\\Mon rapport.pdf"),
            user=admin_user,
        )

    report.refresh_from_db()
    assert report.page_count == 4
    assert report.pdf_size == len(data)
    assert report.original_filename == "Mon rapport.pdf"
    assert report.pdf.name == "rapports/2020-rapport-annuel-rapport-dete.pdf"
    assert report.pdf.open("rb").read() == data
    assert "pouvoir d'agir" in report.extracted_text
    assert not report.needs_processing
    cover = Image.open(io.BytesIO(report.cover.open("rb").read()))
    assert cover.format == "WEBP"
    assert cover.width == report.cover_width and cover.height > cover.width
    # Outside the public media folder.
    assert not Path(report.pdf.path).is_relative_to(Path(settings_media_root()))


def settings_media_root():
    from django.conf import settings

    return settings.MEDIA_ROOT


@pytest.mark.django_db
def test_a_cover_failure_keeps_the_upload_and_the_retry_command_fixes_it(
    monkeypatch, admin_user, django_capture_on_commit_callbacks
):
    import pypdfium2

    def broken(*args, **kwargs):
        raise RuntimeError("moteur de rendu indisponible")

    monkeypatch.setattr(pypdfium2, "PdfDocument", broken)
    report = make_report(published=False, with_pdf=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_upload_pdf(report=report, uploaded_file=upload(), user=admin_user)
    report.refresh_from_db()

    assert report.pdf and report.page_count == 3
    assert report.needs_processing and not report.cover
    assert "indisponible" in report.processing_error

    monkeypatch.undo()
    out = io.StringIO()
    call_command("evaluation_retry", stdout=out)
    report.refresh_from_db()

    assert "Rapports traités : 1" in out.getvalue()
    assert not report.needs_processing and report.cover


@pytest.mark.django_db
def test_deriving_after_the_commit_keeps_what_changed_in_the_meantime(
    admin_user, django_capture_on_commit_callbacks
):
    report = make_report(published=False, with_pdf=False)

    with django_capture_on_commit_callbacks(execute=True):
        services.report_upload_pdf(report=report, uploaded_file=upload(), user=admin_user)
        # Another write to the report before the commit (the admin saving its inlines, say).
        Report.objects.filter(pk=report.pk).update(title="Titre corrigé", summary="Corrigé.")

    report.refresh_from_db()
    assert report.title == "Titre corrigé" and report.summary == "Corrigé."
    assert report.cover and report.cover_width and report.extracted_text
    assert not report.needs_processing


@pytest.mark.django_db
def test_replacing_the_pdf_keeps_the_old_file_in_history(admin_user, django_user_model):
    first_user = django_user_model.objects.create_user("premiere")
    report = make_report(published=False, with_pdf=False)
    first = pdf_bytes(pages=2, text="première version")
    services.report_upload_pdf(
        report=report, uploaded_file=upload(first, "v1.pdf"), user=first_user
    )
    old_name = report.pdf.name

    second = pdf_bytes(pages=5, text="seconde version")
    services.report_upload_pdf(
        report=report, uploaded_file=upload(second, "v2.pdf"), user=admin_user
    )

    report.refresh_from_db()
    entry = ReportFileHistory.objects.get(report=report)
    assert report.page_count == 5 and report.original_filename == "v2.pdf"
    assert report.pdf.open("rb").read() == second
    assert entry.file.name == old_name != report.pdf.name
    assert entry.file.open("rb").read() == first
    assert entry.original_filename == "v1.pdf" and entry.page_count == 2
    assert entry.uploaded_by == first_user and entry.replaced_by == admin_user


@pytest.mark.django_db
def test_a_period_ending_before_it_starts_is_refused_at_the_end_year():
    form = ReportAdminForm(data=form_data(year="2017", end_year="2016"))

    assert not form.is_valid()
    assert "L'année de fin doit venir après" in form.errors["end_year"][0]
