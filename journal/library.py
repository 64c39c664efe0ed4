"""The published issues as entries of the documents library (registered in apps.py)."""

from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from documents.library import PDF, LibraryEntry, entry_rows

from .models import Issue

SOURCE = "journal.issues"


def issue_entry(issue):
    return LibraryEntry(
        title=str(issue),
        year=issue.published_on.year,
        kind=PDF,
        kind_label=_("PDF"),
        size=issue.size,
        page_count=issue.page_count,
        date=issue.published_on,
        download_url=issue.download_url,
        description=", ".join(entry.title for entry in issue.contents.all()),
        page_url=issue.get_absolute_url(),
        category=_("Journal de la Coopération"),
        is_sample=issue.is_sample,
    )


def issue_rows(*, year=None, kind=""):
    """The published issues as library rows, each a PDF of its year of publication."""
    issues = Issue.objects.published().annotate(issue_year=ExtractYear("published_on"))
    if year:
        issues = issues.filter(published_on__year=year)
    rows = entry_rows(issues, source=SOURCE, year="issue_year")
    return rows.none() if kind and kind != PDF else rows


def issue_entries(pks):
    issues = Issue.objects.published().for_listing().filter(pk__in=pks)
    return {issue.pk: issue_entry(issue) for issue in issues}
