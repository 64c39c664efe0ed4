"""Checking an uploaded PDF by its content, and deriving its cover and text.

An upload is judged by its bytes, never by its name or its declared type:
it must start like a PDF, end like one, open in pypdf, not be encrypted and
have pages. pypdfium2 renders page 1 as the cover.

Shared by the evaluation reports and the documents library (a toolkit
module: it imports no app).
"""

import io
import logging
from dataclasses import dataclass

import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from coop_site.formatting import format_file_size

logger = logging.getLogger(__name__)

COVER_WIDTH = 480


def read_upload(uploaded_file):
    uploaded_file.seek(0)
    data = uploaded_file.read()
    uploaded_file.seek(0)
    return data


def check_size(size, limit=None):
    if limit is None:
        limit = settings.EVALUATION_REPORT_MAX_SIZE  # its one default is in settings.py
    if size > limit:
        raise ValidationError(
            _("Le fichier pèse %(size)s : la taille maximale est de %(limit)s.")
            % {"size": format_file_size(size), "limit": format_file_size(limit)},
            code="pdf_too_large",
        )


@dataclass(frozen=True)
class CheckedPdf:
    """A report PDF that passed the checks: its bytes, and pypdf's reading of them."""

    data: bytes
    reader: pypdf.PdfReader

    @property
    def page_count(self):
        return len(self.reader.pages)


def parse(data):
    """pypdf's reading of `data`; the one place a report PDF is parsed."""
    return pypdf.PdfReader(io.BytesIO(data))


def check_pdf(data, *, max_size=None):
    """The CheckedPdf of a valid PDF, or raise a French ValidationError.

    The one PDF check: the report form, the documents library and the media
    library (coop_site/uploads.py) all use it. `max_size` defaults to the
    reports' limit.
    """
    check_size(len(data), max_size)
    if not data.startswith(b"%PDF-"):
        raise ValidationError(
            _(
                "Ce fichier n'est pas un PDF (son contenu ne commence pas comme un PDF), "
                "quel que soit son nom. Enregistrez le rapport au format PDF puis réessayez."
            ),
            code="pdf_not_a_pdf",
        )
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            _("Ce PDF est incomplet (le fichier est coupé). Envoyez-le à nouveau."),
            code="pdf_truncated",
        )
    try:
        reader = parse(data)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "Ce PDF est protégé par un mot de passe ou chiffré : les visiteurs ne "
                    "pourraient pas le lire. Enregistrez-le sans protection puis réessayez."
                ),
                code="pdf_encrypted",
            )
        page_count = len(reader.pages)
        active = active_content(reader)
        if page_count:
            # Reading both ends catches most damaged page trees.
            boxes = reader.pages[0].mediabox, reader.pages[-1].mediabox
            if not all(boxes):
                raise ValueError("page sans dimensions")
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on broken files
        logger.info("PDF refusé : %s", error)
        raise ValidationError(
            _("Ce PDF est endommagé et ne peut pas être ouvert. Envoyez-le à nouveau."),
            code="pdf_damaged",
        ) from error
    if page_count == 0:
        raise ValidationError(
            _("Ce PDF ne contient aucune page."),
            code="pdf_no_pages",
        )
    if active:
        # Refused rather than cleaned: rewriting a PDF to strip its actions can
        # break its forms and links without anyone noticing, while an editor can
        # always export or print the document again to a plain PDF (README).
        raise ValidationError(
            _(
                "Ce PDF contient du code qui s'exécuterait à son ouverture (%(what)s) : il est "
                "refusé pour la sécurité des visiteurs. Enregistrez-le à nouveau en PDF simple "
                "(« Imprimer » vers « Enregistrer au format PDF », ou l'export PDF de votre "
                "logiciel sans formulaire ni script), puis envoyez-le."
            )
            % {"what": ", ".join(sorted(active))},
            code="pdf_active_content",
        )
    return CheckedPdf(data=data, reader=reader)


#: Actions a PDF viewer runs by itself: JavaScript, launching a program, and
#: the "additional actions" run on opening a page or a field.
ACTIVE_ACTION_TYPES = {"/JavaScript": "JavaScript", "/Launch": "lancement d'un programme"}
ACTIVE_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/AA": "action automatique"}
MAX_WALKED_OBJECTS = 500_000


def active_content(reader):
    """The French names of the active content found in the PDF (an empty set if none).

    Walks every dictionary reachable from the document's trailer (pages,
    annotations, form fields, name trees, object streams included), without
    decoding page contents: a /JS or /JavaScript entry, /AA additional
    actions, and any action (an /OpenAction among them) of type JavaScript or
    Launch.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found = set()
    seen = set()
    stack = [reader.trailer]
    walked = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        walked += 1
        if walked > MAX_WALKED_OBJECTS:
            raise ValueError("PDF trop complexe")
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ACTIVE_KEYS:
                    found.add(ACTIVE_KEYS[key])
                if key == "/S" and value in ACTIVE_ACTION_TYPES:
                    found.add(ACTIVE_ACTION_TYPES[value])
                if key != "/Parent":  # the page tree is walked downwards only
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


def check_upload(uploaded_file):
    """The CheckedPdf of an upload, parsed once however often it is asked for.

    The form's validator and the service both check the file (so no caller can
    store what the form refuses); the second check reuses the first reading.
    """
    checked = getattr(uploaded_file, "_checked_pdf", None)
    if checked is None:
        # Refuse a huge file before reading it into memory.
        check_size(getattr(uploaded_file, "size", 0))
        checked = check_pdf(read_upload(uploaded_file))
        uploaded_file._checked_pdf = checked
    return checked


def validate_report_pdf(uploaded_file):
    """Form-field validator: the same checks as `check_pdf`.

    Error codes start with "pdf_": a form field replaces the message of codes it
    knows itself (such as "empty").
    """
    if uploaded_file is not None:
        check_upload(uploaded_file)


def image_size(data):
    """(width, height) of an image given as bytes."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image.size


def render_cover(data):
    """Page 1 as WebP bytes, about COVER_WIDTH pixels wide."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        width = page.get_width() or COVER_WIDTH
        bitmap = page.render(scale=COVER_WIDTH / width)
        image = bitmap.to_pil().convert("RGB")
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=80)
    return buffer.getvalue()


def extract_text(reader):
    return "\n\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
