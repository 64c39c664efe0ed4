"""The upload bad-input catalogue: every bad file through every upload path.

A table: CASES (what is sent) × PATHS (where an editor can send it). A bad
file gets a French message at the field, or filer's JSON error (400), never
a 500, and leaves nothing behind: no row, no file in MEDIA_ROOT or in the
private root. A good file under a hostile name is stored under a clean one
(no folder, no control character, bounded, accents kept).
"""

import io
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pypdf
import pytest
from django.conf import settings
from filer.models import File
from PIL import Image as PILImage
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from coop_site.uploads import FILENAME_MAX_LENGTH
from documents.models import Document
from evaluation.models import Report
from evaluation.storage import private_root
from galleries.models import Gallery
from news.models import NewsItem
from tests.evaluation.factories import empty_pdf_bytes, encrypted_pdf_bytes, make_referential
from tests.evaluation.factories import pdf_bytes as good_pdf
from tests.evaluation.test_permissions import add_report_data
from tests.galleries.factories import make_page

pytestmark = pytest.mark.django_db


# --- The files ----------------------------------------------------------------


def good_jpeg():
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 200), "#0d5c63").save(buffer, "JPEG")
    return buffer.getvalue()


def good_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png():
    """A 100 000 × 100 000 pixel PNG in a few hundred bytes (10 billion pixels once decoded)."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 12_501 * 8, 9)  # a few rows: the size is what matters
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", rows)
        + png_chunk(b"IEND", b"")
    )


def javascript_pdf():
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(good_pdf(pages=1))))
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('coucou');"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)


@dataclass(frozen=True)
class Bad:
    """A file every path refuses."""

    name: str
    data: object  # bytes, or a function giving them


@dataclass(frozen=True)
class BadName:
    """A good file (of the path's kind) under a hostile name, stored under `expected`."""

    stem: str
    expected_stem: object  # str, or a predicate on the stored stem


CASES = {
    "PNG renommé .pdf": Bad("rapport.pdf", good_png),
    "HTML renommé .pdf": Bad("rapport.pdf", HTML),
    "exécutable MZ renommé .pdf": Bad("rapport.pdf", EXE),
    "PDF chiffré": Bad("rapport.pdf", encrypted_pdf_bytes),
    "PDF tronqué": Bad("rapport.pdf", lambda: good_pdf()[:900]),
    "PDF sans page": Bad("rapport.pdf", empty_pdf_bytes),
    "PDF avec JavaScript": Bad("rapport.pdf", javascript_pdf),
    "PNG bombe de décompression": Bad("photo.png", bomb_png),
    "JPEG tronqué": Bad("photo.jpg", lambda: good_jpeg()[:400]),
    "SVG avec script": Bad("logo.svg", SVG),
    "HTML renommé .jpg": Bad("photo.jpg", HTML),
    "texte renommé .jpg": Bad("photo.jpg", b"Liste des courses : pain, lait.\n" * 20),
    "script .js": Bad("outil.js", b"fetch('/admin/').then(r => r.text());"),
    "programme .exe": Bad("installer.exe", EXE),
    "nom avec ../": BadName("../../../etc/passwd", "passwd"),
    "nom avec NUL": BadName("photo\x00.exe", "photo.exe"),
    "nom de 300 caractères": BadName(
        "a" * 300, lambda stem: set(stem) == {"a"} and len(stem) < FILENAME_MAX_LENGTH
    ),
    "nom accentué": BadName("Fête de l'été à Romans", "Fête de l'été à Romans"),
    "nom avec inversion droite-gauche": BadName("facture\u202egpj", "facturegpj"),
}


# --- The upload paths -------------------------------------------------------------


BOUNDARY = "----coop-catalogue-boundary"


class RawUpload:
    """A file sent under exactly `name`: Django's test client would strip its folder."""

    def __init__(self, name, data):
        self.name, self.data = name, data


def multipart(data):
    """The body of a browser's multipart POST of `data` (values, lists, RawUploads)."""
    lines = []
    for key, values in data.items():
        for value in values if isinstance(values, list) else [values]:
            lines.append(f"--{BOUNDARY}".encode())
            if isinstance(value, RawUpload):
                name = value.name.replace('"', "%22")
                lines.append(
                    f'Content-Disposition: form-data; name="{key}"; filename="{name}"'.encode()
                )
                lines.append(b"Content-Type: application/octet-stream")
                lines += [b"", value.data]
            else:
                lines.append(f'Content-Disposition: form-data; name="{key}"'.encode())
                lines += [b"", str(value).encode()]
    lines += [f"--{BOUNDARY}--".encode(), b""]
    return b"\r\n".join(lines)


def post(client, url, data):
    return client.post(
        url, multipart(data), content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )


@dataclass
class Sent:
    status: int
    errors: list  # the French messages shown to the editor


def form_errors(response, field):
    form = response.context["adminform"].form
    return list(form.errors.get(field, []))


def json_error(response):
    return [response.json()["error"]] if response.status_code == 400 else []


def send_report(client, upload, setup):
    response = post(
        client, "/admin/evaluation/report/add/", add_report_data(setup, ["2"], pdf_upload=upload)
    )
    return Sent(
        response.status_code,
        form_errors(response, "pdf_upload") if response.status_code == 200 else [],
    )


def send_media_library(client, upload, setup):
    response = post(client, "/admin/filer/clipboard/operations/upload/no_folder/", {"file": upload})
    return Sent(response.status_code, json_error(response))


def widget_upload_url(client, admin_form_url):
    """Where the image field's widget (filer's dropzone) of an admin form sends the file."""
    html = client.get(admin_form_url).content.decode()
    found = re.search(r'data-url="([^"]*operations/upload[^"]*)"', html)
    assert found, f"no filer upload widget on {admin_form_url}"
    return found.group(1)


def widget_sender(admin_form_url):
    def send(client, upload, setup):
        response = post(client, widget_upload_url(client, admin_form_url), {"file": upload})
        return Sent(response.status_code, json_error(response))

    return send


def documents_block_url(placeholder):
    return "/admin/cms/placeholder/add-plugin/?" + urlencode(
        {
            "placeholder_id": placeholder.pk,
            "plugin_type": "DocumentsPlugin",
            "plugin_language": "fr",
            "plugin_position": 1,
        }
    )


def send_documents(client, upload, setup):
    response = post(
        client,
        documents_block_url(setup),
        {"title": "Documents à télécharger", "limit": 5, "upload_file": upload},
    )
    return Sent(
        response.status_code,
        form_errors(response, "upload_file") if "adminform" in (response.context or {}) else [],
    )


def send_gallery(client, upload, setup):
    placeholder = setup.get_placeholders().get(slot="content")
    url = (
        f"/admin/cms/placeholder/add-plugin/?placeholder_id={placeholder.pk}"
        "&plugin_type=GalleryPlugin&plugin_language=fr&plugin_position=1&cms_path=/galerie/"
    )
    data = {
        "title": "Fête",
        "folder_order": "filename",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "new_photos": [upload],
        "new_photos_decorative": ["0"],
    }
    response = post(client, url, data)
    errors = form_errors(response, "new_photos") if "adminform" in (response.context or {}) else []
    return Sent(response.status_code, errors)


def report_setup(user):
    return make_referential(dimensions=1)


def news_setup(user):
    from tests.news.factories import make_news

    return make_news(title="La fête", status=NewsItem.Status.DRAFT).body


PATHS = {
    # name: (send, setup, kind of good file, what it stores)
    "rapport d'évaluation": (send_report, report_setup, "pdf"),
    "médiathèque (envoi de filer)": (send_media_library, None, "jpg"),
    "image d'un événement": (widget_sender("/admin/houses/event/add/"), None, "jpg"),
    "photo d'une maison": (widget_sender("/admin/houses/house/add/"), None, "jpg"),
    "image d'une actualité": (widget_sender("/admin/news/newsitem/add/"), None, "jpg"),
    "bloc documents": (send_documents, news_setup, "pdf"),
    "galerie (dossier de la médiathèque)": (send_gallery, make_page, "jpg"),
}


def stored_files():
    roots = [Path(settings.MEDIA_ROOT), Path(private_root())]
    return sorted(str(p) for root in roots if root.exists() for p in root.rglob("*") if p.is_file())


def counts():
    return {
        "fichiers": File.objects.count(),
        "documents": Document.objects.count(),
        "rapports": Report.objects.count(),
        "galeries": Gallery.objects.count(),
    }


FRENCH_REFUSAL = re.compile(
    r"n'est pas|refus|d'après son contenu|endommag|incomplet|protégé|aucune page|trop grande|contient du code|"
    r"ne peut pas|dépasse|lisible"
)


@pytest.fixture
def sender(request, client, admin_user):
    send, setup, kind = PATHS[request.param]
    client.force_login(admin_user)
    context = setup(admin_user) if setup else None

    def send_file(name, data):
        return send(client, RawUpload(name, data), context)

    send_file.kind = kind
    return send_file


@pytest.mark.parametrize("sender", PATHS, indirect=True)
@pytest.mark.parametrize("case", [name for name, case in CASES.items() if isinstance(case, Bad)])
def test_a_bad_file_is_refused_in_french_and_nothing_is_stored(sender, case):
    bad = CASES[case]
    before_counts, before_files = counts(), stored_files()

    sent = sender(bad.name, bad.data() if callable(bad.data) else bad.data)

    assert sent.status in {200, 400}, sent
    assert sent.errors, "no message at the field"
    message = " ".join(sent.errors)
    assert FRENCH_REFUSAL.search(message), message
    assert not re.search(r"denied|upload|not recognized", message, re.IGNORECASE), message
    assert counts() == before_counts
    assert stored_files() == before_files


def stored_name(kind):
    if kind == "pdf" and Report.objects.exists():
        return Report.objects.get().original_filename
    return File.objects.order_by("-pk").first().original_filename


@pytest.mark.parametrize("sender", PATHS, indirect=True)
@pytest.mark.parametrize(
    "case", [name for name, case in CASES.items() if isinstance(case, BadName)]
)
def test_a_hostile_name_is_stored_clean(sender, case):
    bad = CASES[case]
    data = good_pdf(pages=1) if sender.kind == "pdf" else good_jpeg()

    sent = sender(f"{bad.stem}.{sender.kind}", data)

    assert sent.status in {200, 302}, sent
    assert not sent.errors, sent.errors
    name = stored_name(sender.kind)
    stem, _, extension = name.rpartition(".")
    assert extension == sender.kind
    if callable(bad.expected_stem):
        assert bad.expected_stem(stem), name
    else:
        assert stem == bad.expected_stem
    for path in stored_files():
        assert "\x00" not in path and "\u202e" not in path and "/etc/" not in path
        if "thumbnails" not in path:  # a thumbnail's name adds its size to the original's
            assert len(Path(path).name) <= FILENAME_MAX_LENGTH


@pytest.mark.parametrize("case", ["script .js", "HTML renommé .jpg", "PDF avec JavaScript"])
def test_the_media_library_file_form_refuses_a_bad_replacement(client, admin_user, case):
    """The file change form of filer (« Remplacer le fichier ») runs the same check."""
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.forms.models import model_to_dict
    from filer.admin.fileadmin import FileAdminChangeFrom

    original = File(original_filename="programme.pdf", owner=admin_user, is_public=True)
    original.file.save("programme.pdf", ContentFile(good_pdf(pages=1)), save=False)
    original.save()
    before = stored_files()
    bad = CASES[case]
    data = {k: v for k, v in model_to_dict(original).items() if v is not None and k != "file"}

    form = FileAdminChangeFrom(
        data=data,
        files={
            "file": SimpleUploadedFile(bad.name, bad.data() if callable(bad.data) else bad.data)
        },
        instance=original,
    )

    assert not form.is_valid()
    message = " ".join(m for messages in form.errors.values() for m in messages)
    assert FRENCH_REFUSAL.search(message), message
    original.refresh_from_db()
    assert original.file.name.endswith("programme.pdf")
    assert stored_files() == before
