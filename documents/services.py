"""Document facts read from the file, and the library that merges documents and its sources' entries."""

import logging
import mimetypes
from collections import defaultdict
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.forms.models import modelform_factory
from django.utils import timezone
from django_tasks import task
from filer import settings as filer_settings
from filer.models import Folder
from filer.utils.loader import load_model
from filer.validation import validate_upload
from pypdf import PdfReader

from coop_site import pdf
from coop_site.background import enqueue_after_commit
from houses.permissions import can_upload_media

from .library import DOCUMENTS, ORDERING, LibraryEntry, entry_rows, sources
from .models import Document
from .uploads import check_document_upload, client_filename, title_from_filename

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


def pdf_facts(filer_file):
    """The page count and the text of a PDF, read once; (None, "") when it cannot be read."""
    try:
        with filer_file.file.open("rb") as handle:
            reader = PdfReader(handle)
            return len(reader.pages), pdf.extract_text(reader)
    except Exception as error:  # a damaged PDF must never lose the document
        logger.warning("PDF illisible (%s) : %s", filer_file.pk, error)
        return None, ""


def document_read_file_facts(*, document):
    """Fill the type (when left empty), the page count and the text (for the site
    search) from the chosen file."""
    if not document.file_id:
        return document
    if not document.kind:
        document.kind = detect_kind(document.file)
    if document.kind == Document.Kind.PDF:
        document.page_count, document.extracted_text = pdf_facts(document.file)
    else:
        document.page_count, document.extracted_text = None, ""
    return document


def document_read_file_facts_after_commit(*, document):
    """Read the file's facts in the background once the save is committed: parsing a
    large PDF never holds the request or the transaction (as the reports' covers and text)."""
    enqueue_after_commit(document_read_file_facts_task, document.pk)


@task()
def document_read_file_facts_task(document_id):
    saved = Document.objects.select_related("file").filter(pk=document_id).first()
    if saved is not None:
        document_read_file_facts(document=saved)
        saved.save(update_fields=["kind", "page_count", "extracted_text"])


# --- A document sent from the "Documents à télécharger" block ----------------

UPLOAD_FOLDER = "Documents"


def can_upload_document(user):
    """May `user` create a document by sending its file (media library rights included)?"""
    return user.has_perm("documents.add_document") and can_upload_media(user)


def media_library_file_create(*, upload, user, folder):
    """A public media-library file, made the way filer's own uploader makes it.

    Same file class choice, same form and same validators as
    `filer.admin.clipboardadmin.ajax_upload`, so the file is indistinguishable
    from one sent through the media library.
    """
    filename = client_filename(upload)
    # Like filer: the type comes from the name, never from what the browser declares.
    mime_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    for dotted_path in filer_settings.FILER_FILE_MODELS:
        file_class = load_model(dotted_path)
        if file_class.matches_file_type(filename, upload, mime_type):
            break
    file_form = modelform_factory(file_class, fields=("original_filename", "owner", "file"))(
        {"original_filename": filename, "owner": user.pk}, {"file": upload}
    )
    file_form.instance.mime_type = mime_type
    if not file_form.is_valid():
        raise ValidationError([error for errors in file_form.errors.values() for error in errors])
    upload.seek(0)
    validate_upload(filename, upload, user, mime_type)
    upload.seek(0)
    filer_file = file_form.save(commit=False)
    filer_file.is_public = True  # a document is for everyone to download
    filer_file.folder = folder
    filer_file.save()
    return filer_file


def upload_folder(*, user):
    folder = Folder.objects.filter(parent=None, name=UPLOAD_FOLDER).order_by("pk").first()
    return folder or Folder.objects.create(name=UPLOAD_FOLDER, owner=user)


@transaction.atomic
def document_create_from_upload(*, file, title, user, year=None, houses=(), description=""):
    """A published document made from a file sent by an editor, its file public in
    the media library's "Documents" folder.

    The file is checked again here, so no caller can store what the form would
    refuse. An empty title is taken from the file name; the year defaults to
    the current one and the publication date to today.
    """
    if not can_upload_document(user):
        raise PermissionDenied
    kind = check_document_upload(file)
    filer_file = media_library_file_create(upload=file, user=user, folder=upload_folder(user=user))
    document = Document(
        title=(title or "").strip() or title_from_filename(client_filename(file)),
        description=description,
        year=year or timezone.localdate().year,
        kind=kind,
        file=filer_file,
        is_published=True,
        published_on=timezone.localdate(),
    )
    document.full_clean()
    document.save()
    document.houses.set(houses)
    document_read_file_facts_after_commit(document=document)
    return document


# --- The library (/documents/) -----------------------------------------------


def document_entry(document, *, houses=None):
    """The library entry of a document; `houses`, the short names of its houses, when
    already read (else they are read from the document)."""
    if houses is None:
        houses = [house.short_name for house in document.houses.all()]
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
        houses=houses,
        is_sample=document.is_sample,
    )


def document_entries(pks):
    """The library entries of these documents, by pk, in one query: a row per house
    (its short name joined in, in the houses' order), none for the text read from
    the file."""
    rows = (
        Document.objects.published()
        .filter(pk__in=pks)
        .select_related("file")
        .defer("extracted_text")
        .annotate(house_name=F("houses__short_name"))
        .order_by("houses__order", "houses__name")
    )
    entries = {}
    for document in rows:
        if document.pk not in entries:
            entries[document.pk] = document_entry(document, houses=[])
        if document.house_name:
            entries[document.pk].houses.append(document.house_name)
    return entries


def library_rows(*, documents, year=None, kind="", house=None):
    """The rows of the public `documents` and of every source's entries that match
    the filters, newest first: one `UNION ALL`, paginated by the database.

    Rows in `documents.library.COLUMNS`; `library_page_entries` makes a page of
    them into entries.
    """
    if year:
        documents = documents.filter(year=year)
    if kind:
        documents = documents.filter(kind=kind)
    if house is not None:
        documents = documents.for_house(house)
    parts = [entry_rows(documents, source=DOCUMENTS)]
    # Reports speak for the whole Coopération: they follow the Coopération's filter.
    if house is None or house.is_cooperation:
        parts += [source.rows(year=year, kind=kind) for source in sources().values()]
    return parts[0].union(*parts[1:], all=True).order_by(*ORDERING)


def library_page_entries(rows):
    """The entries of a page's rows, in their order: one query per source on the page.

    A document whose file is gone from storage is left out (no dead link): the
    page then shows one entry fewer than the count says, until staff replace it.
    """
    pks = defaultdict(list)
    for row in rows:
        pks[row["entry_source"]].append(row["entry_pk"])
    fetch = {DOCUMENTS: document_entries} | {
        name: source.entries for name, source in sources().items()
    }
    found = {name: fetch[name](source_pks) for name, source_pks in pks.items()}
    entries = (found[row["entry_source"]].get(row["entry_pk"]) for row in rows)
    return [entry for entry in entries if entry is not None and entry.download_url]


def library_years():
    """The years offered by the year filter: those that hold something (one query)."""
    parts = [entry_rows(Document.objects.published(), source=DOCUMENTS)]
    parts += [source.rows() for source in sources().values()]
    years = [part.values_list("entry_year", flat=True) for part in parts]
    return list(years[0].union(*years[1:]).order_by("-entry_year"))
