"""The published reports as entries of the documents library (registered in apps.py)."""

from django.utils.translation import gettext as _

from documents.library import PDF, LibraryEntry, entry_rows

from .models import Report

SOURCE = "evaluation.reports"


def report_entry(report):
    # A report is dated as a document by its publication date (the officer's, for a
    # historic report, or the day it was published), never by its upload.
    return LibraryEntry(
        title=report.title,
        year=report.year,
        kind=PDF,
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


def report_rows(*, year=None, kind=""):
    """The published reports with a PDF, as library rows: all are PDFs of their first year."""
    reports = Report.objects.published().exclude(pdf="")
    if year:
        reports = reports.filter(year=year)
    rows = entry_rows(reports, source=SOURCE)
    return rows.none() if kind and kind != PDF else rows


def report_entries(pks):
    return {
        report.pk: report_entry(report) for report in Report.objects.published().filter(pk__in=pks)
    }
