"""Checking a file sent for download by its content, never by its name alone.

A document reaches visitors as it is, so it must really be what its name
says: a PDF that opens (the PDF checks of coop_site/pdf.py), an office document
with the structure of its format, or an image Pillow can read. The name's
extension must agree with the content, or the download would open in the
wrong program.
"""

import io
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from coop_site import pdf

from .models import Document

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt
OOXML_EXTENSIONS = {"docx", "xlsx", "pptx"}
OPENDOCUMENT_EXTENSIONS = {"odt", "ods", "odp"}
OLE2_EXTENSIONS = {"doc", "xls", "ppt"}
IMAGE_FORMATS = {
    "JPEG": {"jpg", "jpeg"},
    "PNG": {"png"},
    "GIF": {"gif"},
    "WEBP": {"webp"},
    "TIFF": {"tif", "tiff"},
}


def client_filename(uploaded_file):
    """The name the editor's computer gave the file, without any folder."""
    return PurePath(str(uploaded_file.name).replace("\\", "/")).name[:255]


def extension_of(filename):
    return PurePath(filename).suffix.lower().lstrip(".")


def title_from_filename(filename):
    """« programme-de-la-fete_2026.pdf » gives « Programme de la fete 2026 »."""
    words = PurePath(filename).stem.replace("_", " ").replace("-", " ").split()
    title = " ".join(words)[:200]
    return title[:1].upper() + title[1:]


def _wrong_name(found, extension):
    return ValidationError(
        _(
            "Ce fichier est un %(found)s d'après son contenu, mais son nom se termine par "
            "« .%(extension)s ». Renommez-le avec la bonne extension, ou enregistrez-le au "
            "bon format, puis envoyez-le à nouveau."
        )
        % {"found": found, "extension": extension},
        code="document_wrong_extension",
    )


def _check_zip_office(data, extension):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        return False
    if extension in OOXML_EXTENSIONS:
        return "[Content_Types].xml" in names
    if extension in OPENDOCUMENT_EXTENSIONS:
        return mimetype.startswith(b"application/vnd.oasis.opendocument")
    return False


def _image_format(data):
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            return image.format
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None


def check_document_upload(uploaded_file):
    """The `Document.Kind` of an acceptable upload, or a French ValidationError."""
    pdf.check_size(getattr(uploaded_file, "size", 0))  # before reading it into memory
    data = pdf.read_upload(uploaded_file)
    extension = extension_of(client_filename(uploaded_file))

    if data.startswith(b"%PDF-"):
        if extension != "pdf":
            raise _wrong_name(_("PDF"), extension)
        pdf.check_pdf(data)
        return Document.Kind.PDF

    image_format = _image_format(data)
    if image_format in IMAGE_FORMATS:
        if extension not in IMAGE_FORMATS[image_format]:
            raise _wrong_name(_("image %(format)s") % {"format": image_format}, extension)
        return Document.Kind.IMAGE

    if extension in OOXML_EXTENSIONS | OPENDOCUMENT_EXTENSIONS:
        if data.startswith(b"PK\x03\x04") and _check_zip_office(data, extension):
            return Document.Kind.OFFICE
    elif extension in OLE2_EXTENSIONS:
        if data.startswith(OLE2_SIGNATURE):
            return Document.Kind.OFFICE
    elif extension == "rtf":
        if data.startswith(b"{\\rtf"):
            return Document.Kind.OFFICE
    elif extension == "csv":
        if b"\x00" not in data and _decodes(data):
            return Document.Kind.OFFICE

    raise ValidationError(
        _(
            "Ce fichier n'est pas un document accepté d'après son contenu, quel que soit son "
            "nom (ou il est endommagé). Formats acceptés : %(accepted)s."
        )
        % {
            "accepted": "PDF, Word, Excel, PowerPoint, OpenDocument, RTF, CSV, JPEG, PNG, GIF, WebP"
        },
        code="document_not_accepted",
    )


def _decodes(data):
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False
