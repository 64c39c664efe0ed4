"""Checking a file sent for download: the site's one upload check, for a document's kinds.

A document reaches visitors as it is, so it must really be what its name
says: coop_site/uploads.py judges it by its content (a PDF that opens, an
office document with its format's structure, an image Pillow decodes) and
refuses a name whose extension disagrees with it.
"""

from pathlib import PurePath

from coop_site import uploads

from .models import Document

#: What the documents library offers for download (no sounds).
DOCUMENT_KINDS = {
    uploads.PDF: Document.Kind.PDF,
    uploads.OFFICE: Document.Kind.OFFICE,
    uploads.IMAGE: Document.Kind.IMAGE,
}


def client_filename(uploaded_file):
    """The name the editor's computer gave the file, cleaned (no folder, no control character)."""
    return uploads.safe_filename(uploaded_file.name)


def title_from_filename(filename):
    """« programme-de-la-fete_2026.pdf » gives « Programme de la fete 2026 »."""
    words = PurePath(filename).stem.replace("_", " ").replace("-", " ").split()
    title = " ".join(words)[:200]
    return title[:1].upper() + title[1:]


def check_document_upload(uploaded_file):
    """The `Document.Kind` of an acceptable upload, or a French ValidationError."""
    checked = uploads.check_upload(uploaded_file, kinds=DOCUMENT_KINDS)
    return DOCUMENT_KINDS[checked.kind]
