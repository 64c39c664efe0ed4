"""One check for every file the site stores, judged by its content, never by its name.

Every upload path goes through `check_upload`: django-filer's own uploader and
its file change form (by `filer_validator`, registered in settings.py through
filer's FILER_ADD_FILE_VALIDATORS), the documents library, the galleries'
photos and the report form (which asks for a PDF only). A file is accepted
when its bytes are one of the types of `FILE_TYPES` (PDF, JPEG, PNG, WebP,
office documents, MP3 and Ogg sounds), when its name ends with an extension of
that type, when it is no heavier than its kind's limit (UPLOAD_MAX_SIZES), and
when it passes its kind's deeper check: a PDF must open (coop_site/pdf.py, the
one PDF check), an image must decode within FILER_MAX_IMAGE_PIXELS, an office
document must have its format's structure and no macros, a sound must hold
readable audio frames (coop_site/audio.py). Everything else (SVG,
HTML, scripts, programs, archives...) is refused with a French message.

`safe_filename` is the one cleaning of a file's name, used wherever a name
given by a browser is stored (filer's UPLOAD_TO, its `original_filename`, the
reports' history). A toolkit module: it imports no app.
"""

import io
import re
import unicodedata
import uuid
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from coop_site import audio, pdf
from coop_site.formatting import format_file_size

FILENAME_MAX_LENGTH = 120
#: Characters refused by one file system or another, replaced by "-".
FORBIDDEN_NAME_CHARACTERS = re.compile(r'[/\\:*?"<>|]')


def safe_filename(name, *, max_length=FILENAME_MAX_LENGTH, default="fichier"):
    """A file name safe to store and to show: no folder, no control or bidi character.

    Accents are kept (in their composed form); the length is bounded, keeping
    the extension. « ../../Été\\u202egpj.exe » gives « Étégpj.exe ».
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    # Control characters (NUL...), format characters (the right-to-left
    # override U+202E, zero-width spaces, BOM) and lone surrogates go.
    name = "".join(c for c in name if unicodedata.category(c) not in {"Cc", "Cf", "Cs", "Co"})
    name = PurePosixPath(name.replace("\\", "/")).name  # no folder, no ".."
    name = FORBIDDEN_NAME_CHARACTERS.sub("-", name)
    name = " ".join(name.split()).strip(". ")  # no hidden file, no trailing dot
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension[:10]
    if not stem:
        stem = default
    room = max_length - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(". ") or default
    return f"{stem}.{extension}" if extension else stem


def extension_of(filename):
    return PurePosixPath(str(filename)).suffix.lower().lstrip(".")


def filer_upload_to(instance, filename):
    """Where filer stores an upload (FILER_STORAGES' UPLOAD_TO): a random folder, the clean name.

    Like filer's own `randomized`, but the name keeps its accents (filer's
    slugifies them away) and goes through `safe_filename`.
    """
    folder = uuid.uuid4().hex
    return f"{folder[:2]}/{folder[2:4]}/{folder}/{safe_filename(filename)}"


def clean_filer_original_filename(sender, instance, **kwargs):
    """pre_save of filer's files: the name shown in the media library is cleaned too."""
    if instance.original_filename:
        instance.original_filename = safe_filename(instance.original_filename)


def is_stored(field_file):
    """Is the file of this FieldFile really in its storage? (A missing one must not be linked.)"""
    if not field_file or not field_file.name:
        return False
    try:
        return field_file.storage.exists(field_file.name)
    except OSError:  # storage unreachable: better no link than a dead one
        return False


# --- The allowed types ------------------------------------------------------

PDF, IMAGE, OFFICE, AUDIO, VIDEO = "pdf", "image", "office", "audio", "video"
CAPTIONS = "captions"  # a video's subtitles (WebVTT): text, never run
ALL_KINDS = frozenset({PDF, IMAGE, OFFICE, AUDIO, VIDEO, CAPTIONS})


@dataclass(frozen=True)
class FileType:
    label: str  # French, shown in messages: "une image PNG"
    kind: str
    extensions: tuple  # the first one is the one to suggest
    mime_type: str


FILE_TYPES = {
    "pdf": FileType("un PDF", PDF, ("pdf",), "application/pdf"),
    "jpeg": FileType("une image JPEG", IMAGE, ("jpg", "jpeg"), "image/jpeg"),
    "png": FileType("une image PNG", IMAGE, ("png",), "image/png"),
    "webp": FileType("une image WebP", IMAGE, ("webp",), "image/webp"),
    "docx": FileType(
        "un document Word",
        OFFICE,
        ("docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": FileType(
        "un classeur Excel",
        OFFICE,
        ("xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": FileType(
        "une présentation PowerPoint",
        OFFICE,
        ("pptx",),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": FileType(
        "un texte OpenDocument", OFFICE, ("odt",), "application/vnd.oasis.opendocument.text"
    ),
    "ods": FileType(
        "un classeur OpenDocument",
        OFFICE,
        ("ods",),
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    "odp": FileType(
        "une présentation OpenDocument",
        OFFICE,
        ("odp",),
        "application/vnd.oasis.opendocument.presentation",
    ),
    "mp3": FileType("un son MP3", AUDIO, ("mp3",), "audio/mpeg"),
    "ogg": FileType("un son Ogg", AUDIO, ("ogg", "oga", "opus"), "audio/ogg"),
    "mp4": FileType("une vidéo MP4", VIDEO, ("mp4", "m4v"), "video/mp4"),
    "webm": FileType("une vidéo WebM", VIDEO, ("webm",), "video/webm"),
    "vtt": FileType("des sous-titres WebVTT", CAPTIONS, ("vtt",), "text/vtt"),
}
# The ISO media brands of an MP4 video (not QuickTime's `qt  `, not an M4A sound).
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"dash",
}
PILLOW_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}
# The main part of each OOXML format, and the zip's `mimetype` of each OpenDocument one.
OOXML_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
OPENDOCUMENT_MIMETYPES = {FILE_TYPES[key].mime_type.encode(): key for key in ("odt", "ods", "odp")}


def allowed_mime_types():
    """The MIME types filer accepts (FILER_MIME_TYPE_WHITELIST): those of FILE_TYPES."""
    return sorted({file_type.mime_type for file_type in FILE_TYPES.values()})


def allowed_extensions():
    return [extension for t in FILE_TYPES.values() for extension in t.extensions]


def accepted_formats_text(kinds=ALL_KINDS):
    parts = {
        PDF: _("PDF"),
        IMAGE: _("images JPEG, PNG ou WebP"),
        OFFICE: _(
            "documents Word, Excel, PowerPoint ou OpenDocument (texte, classeur, présentation)"
        ),
        AUDIO: _("sons MP3 ou Ogg"),
        VIDEO: _("vidéos MP4 ou WebM"),
        CAPTIONS: _("sous-titres WebVTT (.vtt)"),
    }
    order = (PDF, IMAGE, OFFICE, AUDIO, VIDEO, CAPTIONS)
    return ", ".join(str(parts[kind]) for kind in order if kind in kinds)


# --- Recognising the content -------------------------------------------------


def _zip_office_type(data):
    """The FILE_TYPES key of an office document given as zip bytes, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                key = OPENDOCUMENT_MIMETYPES.get(archive.read("mimetype")[:80].strip())
                return (key, False) if key else (None, False)
            if "[Content_Types].xml" in names:
                content_types = archive.read("[Content_Types].xml")[:200_000]
                macros = b"macroEnabled" in content_types or any(
                    name.lower().endswith("vbaproject.bin") for name in names
                )
                for part, key in OOXML_PARTS.items():
                    if part in names:
                        return key, macros
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError, ValueError):
        pass
    return None, False


def _is_mp3(data):
    if data.startswith(b"ID3"):
        return True
    # An MPEG audio frame header: 11 sync bits, then layer III.
    return (
        len(data) > 4 and data[0] == 0xFF and (data[1] & 0xE0) == 0xE0 and (data[1] & 0x06) == 0x02
    )


def identify(data):
    """The FILE_TYPES key of `data` by its first bytes (and a zip's entries), or ""."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"PK\x03\x04"):
        return _zip_office_type(data)[0] or ""
    if data.startswith(b"OggS"):
        return "ogg"
    if _is_mp3(data):
        return "mp3"
    if data[4:8] == b"ftyp" and data[8:12] in MP4_BRANDS:
        return "mp4"
    if data.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in data[:64]:
        return "webm"
    if _is_webvtt(data):
        return "vtt"
    return ""


def _is_webvtt(data):
    """WebVTT: UTF-8 text that starts with `WEBVTT`, then a space, a tab or a line end."""
    head = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    return head.startswith(b"WEBVTT") and head[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


def _what_it_looks_like(data):
    """A French name for a refused content, so the message says what was seen."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith((b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"#!")):
        return _("un programme")
    if b"<svg" in head:
        return _("une image SVG (qui peut contenir du code)")
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")) or (
        b"<html" in head or b"<script" in head
    ):
        return _("une page web (HTML)")
    if data.startswith(b"PK\x03\x04"):
        return _("une archive ZIP")
    if data.startswith((b"GIF87a", b"GIF89a")):
        return _("une image GIF")
    return ""


# --- The check ----------------------------------------------------------------


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed: its type and its cleaned name."""

    file_type: FileType
    key: str
    name: str

    @property
    def kind(self):
        return self.file_type.kind


def max_size(kind):
    return settings.UPLOAD_MAX_SIZES[kind]


def _too_large(name, size, limit):
    return ValidationError(
        _(
            "« %(name)s » pèse %(size)s : la taille maximale pour ce type de fichier est de %(limit)s."
        )
        % {"name": name, "size": format_file_size(size), "limit": format_file_size(limit)},
        code="upload_too_large",
    )


def _not_accepted(name, data, kinds):
    seen = _what_it_looks_like(data)
    if seen:
        start = _(
            "« %(name)s » n'est pas un fichier accepté : d'après son contenu, c'est %(seen)s."
        ) % {
            "name": name,
            "seen": seen,
        }
    else:
        start = _(
            "« %(name)s » n'est pas un fichier accepté d'après son contenu, quel que soit son "
            "nom (ou il est endommagé)."
        ) % {"name": name}
    return ValidationError(
        start
        + " "
        + _("Formats acceptés : %(accepted)s.") % {"accepted": accepted_formats_text(kinds)},
        code="upload_type_refused",
    )


def check_image(data, name):
    """A French ValidationError unless Pillow decodes the whole image within the pixel limit."""
    limit = settings.FILER_MAX_IMAGE_PIXELS
    too_big = _(
        "« %(name)s » est une image trop grande (%(pixels)s millions de pixels) : la limite est "
        "de %(limit)s millions de pixels. Réduisez-la (par exemple à 6000 × 4000 pixels) puis "
        "envoyez-la à nouveau."
    )
    damaged = ValidationError(
        _("« %(name)s » est une image endommagée ou incomplète : elle ne peut pas être lue.")
        % {"name": name},
        code="image_damaged",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > limit:
                    raise ValidationError(
                        too_big
                        % {
                            "name": name,
                            "pixels": round(width * height / 1e6),
                            "limit": round(limit / 1e6),
                        },
                        code="image_too_many_pixels",
                    )
                image.load()  # decodes every pixel: a truncated file fails here
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            too_big
            % {
                "name": name,
                "pixels": _("plus de %d") % round(limit / 1e6),
                "limit": round(limit / 1e6),
            },
            code="image_too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise damaged from error


def check_bytes(data, name, *, kinds=ALL_KINDS):
    """The CheckedUpload of `data` sent as `name`, or a French ValidationError."""
    name = safe_filename(name)
    if not data:
        raise ValidationError(_("« %(name)s » est vide.") % {"name": name}, code="upload_empty")
    key = identify(data)
    if not key or FILE_TYPES[key].kind not in kinds:
        raise _not_accepted(name, data, kinds)
    file_type = FILE_TYPES[key]
    if len(data) > max_size(file_type.kind):
        raise _too_large(name, len(data), max_size(file_type.kind))
    extension = extension_of(name)
    if extension not in file_type.extensions:
        raise ValidationError(
            _(
                "« %(name)s » est %(found)s d'après son contenu, mais son nom se termine par "
                "« .%(extension)s » : renommez-le en « .%(right)s » (ou enregistrez-le au bon "
                "format), puis envoyez-le à nouveau."
            )
            % {
                "name": name,
                "found": file_type.label,
                "extension": extension,
                "right": file_type.extensions[0],
            },
            code="upload_wrong_extension",
        )
    if file_type.kind == PDF:
        pdf.check_pdf(data, max_size=max_size(PDF))
    elif file_type.kind == IMAGE:
        check_image(data, name)
    elif file_type.kind == AUDIO:
        audio.read_sound(data, key, name)  # real frames, not only a sound's first bytes
    elif file_type.kind == CAPTIONS:
        _check_captions(data, name)
    elif file_type.kind == OFFICE and _zip_office_type(data)[1]:
        raise ValidationError(
            _(
                "« %(name)s » contient des macros (du code) : enregistrez-le sans macros "
                "(au format .%(right)s ordinaire) puis envoyez-le à nouveau."
            )
            % {"name": name, "right": file_type.extensions[0]},
            code="office_macros",
        )
    return CheckedUpload(file_type=file_type, key=key, name=name)


def _check_captions(data, name):
    """Subtitles are shown as text: valid UTF-8, and no markup that looks like a page."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("« %(name)s » n'est pas enregistré en UTF-8 : enregistrez les sous-titres en UTF-8.")
            % {"name": name},
            code="captions_encoding",
        ) from None
    if "<script" in text.lower() or "\x00" in text:
        raise ValidationError(
            _("« %(name)s » contient du code : des sous-titres ne contiennent que du texte.")
            % {"name": name},
            code="captions_code",
        )


def check_upload(uploaded_file, *, name=None, kinds=ALL_KINDS):
    """The CheckedUpload of an uploaded file, checked once however often it is asked for."""
    kinds = frozenset(kinds)
    cache = getattr(uploaded_file, "_coop_checked_uploads", None)
    if cache is None:
        cache = {}
        try:
            uploaded_file._coop_checked_uploads = cache
        except AttributeError:  # pragma: no cover - a file object without attributes
            pass
    name = name if name is not None else getattr(uploaded_file, "name", "")
    cache_key = (str(name), kinds)
    if cache_key not in cache:
        size = getattr(uploaded_file, "size", None)
        largest = max(max_size(kind) for kind in kinds)
        if size is not None and size > largest:  # before reading it into memory
            raise _too_large(safe_filename(name), size, largest)
        uploaded_file.seek(0)
        data = uploaded_file.read(largest + 1)
        uploaded_file.seek(0)
        cache[cache_key] = check_bytes(data, name, kinds=kinds)
    return cache[cache_key]


def filer_validator(file_name, file, owner, mime_type):
    """django-filer's upload validator (FILER_ADD_FILE_VALIDATORS) for every allowed type.

    filer has chosen `mime_type` from the name alone; the content must be of
    that very type, or the file is refused with the reason.
    """
    from filer.validation import FileValidationError

    try:
        checked = check_upload(file, name=file_name)
    except ValidationError as error:
        raise FileValidationError(" ".join(error.messages), code=error.code) from error
    if checked.file_type.mime_type != mime_type:  # pragma: no cover - the extension check holds it
        raise FileValidationError(
            _("« %(name)s » ne correspond pas à son extension.") % {"name": file_name},
            code="upload_wrong_extension",
        )
