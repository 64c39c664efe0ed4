"""Writes of the evaluation app: uploading, deriving and publishing reports."""

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from coop_site import pdf
from coop_site.background import enqueue_after_commit
from coop_site.uploads import safe_filename

from .models import Report, ReportFileHistory
from .storage import private_storage

logger = logging.getLogger(__name__)

PUBLISH_PERMISSION = "evaluation.publish_report"


def client_filename(uploaded_file):
    """The name the officer's computer gave the file, cleaned (no folder, no control character)."""
    return safe_filename(uploaded_file.name)


@transaction.atomic
def report_upload_pdf(*, report, uploaded_file, user):
    """Store a new PDF for `report` (saved), keeping any previous one in its history.

    The PDF is checked again here, so no caller can store a file the form
    would refuse (a file the form checked is not parsed twice). The cover and
    text are derived in the background once the transaction commits
    (coop_site.background), so rendering a large PDF never holds the request
    or the transaction: the report is flagged until then, and if deriving
    fails the upload is kept, flagged for `manage.py evaluation_retry`.
    """
    checked = pdf.check_upload(uploaded_file)
    data = checked.data
    if report.pk is None:
        report.save()
    if report.pdf:
        ReportFileHistory.objects.create(
            report=report,
            file=report.pdf.name,
            original_filename=report.original_filename,
            page_count=report.page_count,
            pdf_size=report.pdf_size,
            uploaded_by=report.uploaded_by,
            uploaded_at=report.uploaded_at,
            replaced_by=user,
        )
        # The old file stays where it is: the history points at it.
        report.pdf = None
    report.pdf.save("rapport.pdf", ContentFile(data), save=False)
    report.original_filename = client_filename(uploaded_file)
    report.page_count = checked.page_count
    report.pdf_size = len(data)
    report.uploaded_by = user
    report.uploaded_at = timezone.now()
    # Until the cover and text exist: should the process stop before, the retry finds it.
    report.needs_processing = True
    report.processing_error = ""
    report.save()
    enqueue_after_commit(report_derive_task, report.pk)
    return report


# --- Pending uploads: a checked PDF kept while the officer corrects the form ---

PENDING_FOLDER = "en-attente"
PENDING_SESSION_KEY = "evaluation_pending_uploads"
# Long enough for a lunch break in the middle of a report; older ones are abandoned.
PENDING_MAX_AGE = timedelta(days=1)


@dataclass(frozen=True)
class PendingUpload:
    token: str
    name: str
    size: int
    path: str

    def open(self):
        """The stored PDF as an upload, under the name the officer's computer gave it."""
        return File(private_storage.open(self.path, "rb"), name=self.name)


def pending_upload_keep(*, session, uploaded_file):
    """Store a checked PDF privately, claimable only from this `session`.

    The form it came with had another error: the browser will not send the
    file again, so the page carries the returned token instead.
    """
    pending_uploads_clean()
    data = pdf.read_upload(uploaded_file)
    token = secrets.token_urlsafe(24)
    path = private_storage.save(f"{PENDING_FOLDER}/{token}.pdf", ContentFile(data))
    entries = dict(session.get(PENDING_SESSION_KEY, {}))
    entries[token] = {"name": client_filename(uploaded_file), "size": len(data), "path": path}
    session[PENDING_SESSION_KEY] = entries
    return PendingUpload(token=token, **entries[token])


def pending_upload_find(*, session, token):
    """The pending upload of `token`, if this session kept it and it is still stored."""
    entry = session.get(PENDING_SESSION_KEY, {}).get(token) if session and token else None
    if entry is None or not private_storage.exists(entry["path"]):
        return None
    return PendingUpload(token=token, **entry)


def pending_upload_discard(*, session, token):
    """Forget a pending upload once it is saved with its report (or replaced)."""
    entries = dict(session.get(PENDING_SESSION_KEY, {}))
    entry = entries.pop(token, None)
    session[PENDING_SESSION_KEY] = entries
    if entry is not None:
        private_storage.delete(entry["path"])


def pending_uploads_clean(*, max_age=PENDING_MAX_AGE):
    """Delete the pending PDFs nobody claimed in time; return how many went."""
    try:
        _, names = private_storage.listdir(PENDING_FOLDER)
    except FileNotFoundError:
        return 0
    limit = timezone.now() - max_age
    removed = 0
    for name in names:
        path = f"{PENDING_FOLDER}/{name}"
        if private_storage.get_modified_time(path) < limit:
            private_storage.delete(path)
            removed += 1
    return removed


DERIVED_FIELDS = [
    "cover",
    "cover_width",
    "cover_height",
    "extracted_text",
    "needs_processing",
    "processing_error",
]


def report_derive(*, report):
    """Compute the cover and the searchable text from the stored PDF; flag the report when it fails."""
    if not report.pdf:
        return report
    try:
        with report.pdf.open("rb") as handle:
            data = handle.read()
        cover = pdf.render_cover(data)
        text = pdf.extract_text(pdf.parse(data))
    except Exception as error:  # a renderer failure must never lose the upload
        logger.warning("Couverture ou texte impossible pour le rapport %s : %s", report.pk, error)
        report.needs_processing = True
        report.processing_error = str(error)[:255]
        report.save(update_fields=["needs_processing", "processing_error", "updated_at"])
        return report
    if report.cover:
        report.cover.delete(save=False)
    report.cover.save("couverture.webp", ContentFile(cover), save=False)
    # Django cannot read a WebP's size itself: left empty, the dimensions make every
    # loading of the report open the cover file (and fail if it is gone).
    report.cover_width, report.cover_height = pdf.image_size(cover)
    report.extracted_text = text
    report.needs_processing = False
    report.processing_error = ""
    # Only what deriving computes: it runs after the commit, and the report may have
    # changed since this instance was read.
    report.save(update_fields=[*DERIVED_FIELDS, "updated_at"])
    return report


@task()
def report_derive_task(report_id):
    """`report_derive` in the background, once the upload is committed (coop_site.background)."""
    report = Report.objects.filter(pk=report_id).first()
    if report is not None:
        report_derive(report=report)


def report_retry_derivations():
    """Retry every flagged report; return (fixed, still_failing) counts."""
    fixed = failing = 0
    for report in Report.objects.filter(needs_processing=True):
        report_derive(report=report)
        if report.needs_processing:
            failing += 1
        else:
            fixed += 1
    return fixed, failing


def can_publish(user):
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def report_publish(*, report, user):
    """Make a report public, if `user` may and the report is complete."""
    if not can_publish(user):
        raise PermissionDenied(_("Vous n'avez pas le droit de publier un rapport."))
    if not report.pdf:
        raise ValidationError(_("Ajoutez le fichier PDF du rapport avant de le publier."))
    return mark_published(report=report)


def mark_published(*, report, published_on=None):
    report.status = Report.Status.PUBLISHED
    report.published_on = published_on or report.published_on or timezone.localdate()
    report.save(update_fields=["status", "published_on", "updated_at"])
    return report


def report_unpublish(*, report, user):
    """Take a report back to draft: its page and its file disappear from the public site."""
    if not can_publish(user):
        raise PermissionDenied(_("Vous n'avez pas le droit de dépublier un rapport."))
    report.status = Report.Status.DRAFT
    report.save(update_fields=["status", "updated_at"])
    return report
