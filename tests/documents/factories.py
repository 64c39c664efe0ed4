import io
from datetime import date

from django.core.files.base import ContentFile
from filer.models import File
from pypdf import PdfWriter

from coop_site.demo import ensure_page
from documents.models import Document
from documents.services import document_read_file_facts


def pdf_bytes(pages=1, padding=0):
    """A real PDF of `pages` blank pages, made bigger by `padding` bytes of metadata."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Subject": "x" * padding})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_file(filename="rapport.pdf", data=None, *, is_public=True):
    filer_file = File(original_filename=filename, name=filename, is_public=is_public)
    filer_file.file.save(filename, ContentFile(data or pdf_bytes()), save=False)
    filer_file.save()
    return filer_file


def make_document(title="Rapport d'activité", *, year=2018, houses=(), file=None, **fields):
    fields.setdefault("is_published", True)
    fields.setdefault("published_on", date(year, 6, 1))
    document = Document(title=title, year=year, file=file or make_file(), **fields)
    document_read_file_facts(document=document)
    document.save()
    document.houses.set(houses)
    return document


def library_page():
    return ensure_page(
        reverse_id="documents",
        title="Documents à télécharger",
        menu_title="Documents",
        slug="documents",
        apphook="DocumentsApphook",
        apphook_namespace="documents",
    )
