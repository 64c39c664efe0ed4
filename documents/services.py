"""Document facts read from the file, and the library that merges documents and reports."""

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .models import Document

logger = logging.getLogger(__name__)

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "svg", "tif", "tiff"}
OFFICE_EXTENSIONS = {
    "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp",
}  # fmt: skip


def detect_kind(filer_file):
    extension = PurePath(filer_file.original_filename or filer_file.file.name).suffix.lower()
    extension = extension.lstrip(".")
    if extension == "pdf":
        return Document.Kind.PDF
    if extension in IMAGE_EXTENSIONS or (filer_file.mime_type or "").startswith("image/"):
        return Document.Kind.IMAGE
    if extension in OFFICE_EXTENSIONS:
        return Document.Kind.OFFICE
    return Document.Kind.OTHER


def pdf_page_count(filer_file):
    """The number of pages of a PDF, or None when it cannot be read."""
    try:
        with filer_file.file.open("rb") as handle:
            return len(PdfReader(handle).pages)
    except (OSError, PdfReadError, ValueError) as error:
        logger.warning("PDF illisible (%s) : %s", filer_file.pk, error)
        return None


def document_read_file_facts(*, document):
    """Fill the type (when left empty) and the page count from the chosen file."""
    if not document.file_id:
        return document
    if not document.kind:
        document.kind = detect_kind(document.file)
    document.page_count = (
        pdf_page_count(document.file) if document.kind == Document.Kind.PDF else None
    )
    return document


# --- The library (/documents/) -----------------------------------------------


@dataclass
class LibraryEntry:
    """One downloadable item of the library: a document, or an evaluation report."""

    title: str
    year: int
    kind: str
    kind_label: str
    size: int | None
    page_count: int | None
    date: date | None
    download_url: str
    description: str = ""
    houses: list = field(default_factory=list)
    page_url: str = ""
    category: str = ""
    is_sample: bool = False


def document_entry(document):
    return LibraryEntry(
        title=document.title,
        year=document.year,
        kind=document.kind,
        kind_label=document.get_kind_display(),
        size=document.size,
        page_count=document.page_count,
        date=document.published_on,
        download_url=document.download_url,
        description=document.description,
        houses=list(document.houses.all()),
        is_sample=document.is_sample,
    )


def published_reports():
    """Published evaluation reports, through the evaluation app's contract.

    The evaluation app is optional here: without it (or before its Report
    model exists) the library lists documents only.
    """
    try:
        from evaluation.models import Report
    except ImportError:
        return []
    published = getattr(Report.objects, "published", None)
    if published is None:
        return []
    return list(published())


def report_entry(report):
    return LibraryEntry(
        title=report.title,
        year=report.year,
        kind=Document.Kind.PDF,
        kind_label=_("PDF"),
        size=report.pdf_size,
        page_count=report.page_count,
        date=report.published_on,
        download_url=report.download_url,
        description=report.summary,
        page_url=report.get_absolute_url(),
        category=_("Rapport d'évaluation (%(kind)s, %(period)s)")
        % {"kind": report.get_kind_display(), "period": report.period_label},
    )


def library_entries(*, reports, year=None, kind="", house=None):
    """Every public document and published report matching the filters, newest first."""
    documents = Document.objects.published().for_listing()
    if year:
        documents = documents.filter(year=year)
    if kind:
        documents = documents.filter(kind=kind)
    if house is not None:
        documents = documents.for_house(house)
    entries = [document_entry(document) for document in documents]
    # Reports speak for the whole Coopération: they follow the Coopération's filter.
    if house is None or house.is_cooperation:
        entries += [
            report_entry(report)
            for report in reports
            if report.download_url
            and (not year or report.year == year)
            and (not kind or kind == Document.Kind.PDF)
        ]
    entries.sort(key=lambda entry: (entry.date or date.min, entry.year), reverse=True)
    return entries


def library_years(*, reports):
    """The years offered by the year filter: those that hold something."""
    years = set(Document.objects.published().values_list("year", flat=True))
    years.update(report.year for report in reports)
    return sorted(years, reverse=True)
