"""Writes of the journal: an issue's cover, page count and text, derived from its PDF.

Exactly as the evaluation reports (evaluation/services.py): once the save
commits, a background task (coop_site.background) reads the PDF, draws page 1
as the cover and takes the text, with coop_site/pdf.py; a failure flags the
issue and keeps the upload.
"""

import logging

from django.core.files.base import ContentFile
from django_tasks import task

from coop_site import pdf
from coop_site.background import enqueue_after_commit

from .models import Issue

logger = logging.getLogger(__name__)

DERIVED_FIELDS = [
    "cover",
    "cover_width",
    "cover_height",
    "page_count",
    "extracted_text",
    "needs_processing",
    "processing_error",
]


def issue_derive(*, issue):
    """Compute the cover, the page count and the searchable text from the issue's PDF."""
    if not issue.pdf_id:
        return issue
    try:
        with issue.pdf.file.open("rb") as handle:
            data = handle.read()
        cover = pdf.render_cover(data)
        reader = pdf.parse(data)
        page_count, text = len(reader.pages), pdf.extract_text(reader)
    except Exception as error:  # a renderer failure must never lose the issue
        logger.warning("Couverture impossible pour le journal n° %s : %s", issue.number, error)
        issue.needs_processing = True
        issue.processing_error = str(error)[:255]
        issue.save(update_fields=["needs_processing", "processing_error", "updated_at"])
        return issue
    if issue.cover:
        issue.cover.delete(save=False)
    issue.cover.save(f"journal-{issue.number}.webp", ContentFile(cover), save=False)
    issue.cover_width, issue.cover_height = pdf.image_size(cover)
    issue.page_count = page_count
    issue.extracted_text = text
    issue.needs_processing = False
    issue.processing_error = ""
    issue.save(update_fields=[*DERIVED_FIELDS, "updated_at"])
    return issue


def issue_derive_after_commit(*, issue):
    enqueue_after_commit(issue_derive_task, issue.pk)


@task()
def issue_derive_task(issue_id):
    """`issue_derive` in the background, once the save is committed (coop_site.background)."""
    issue = Issue.objects.select_related("pdf").filter(pk=issue_id).first()
    if issue is not None:
        issue_derive(issue=issue)
