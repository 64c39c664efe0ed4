"""Demo data of the documents app: the loading logic of documents/demo.yaml,
the /documents/ page and a few sample files.

Every file is generated here and says it is an example; nothing in them
is presented as a fact that is not in the seed (../shared/seed/).
"""

import io
from functools import partial

from django.core.files.base import ContentFile
from filer.models import File
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from coop_site.demo import DemoData, demo_folder, ensure_page, illustration_bytes
from houses.models import House

from .models import Document
from .services import document_read_file_facts

DATA = DemoData(
    __file__,
    required={
        "page": ("reverse_id", "title", "slug"),
        "folder": (),
        "sample_note": (),
        "documents": ("filename", "title", "description", "year", "published_on", "houses"),
    },
)


def pdf_bytes(title, pages):
    """A small A4 PDF whose every page says it is an example; `pages` are (heading, lines)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(f"{title} (exemple)")
    width, height = A4
    for heading, lines in pages:
        pdf.setFillColorRGB(0.05, 0.36, 0.39)
        pdf.rect(0, height - 3 * cm, width, 3 * cm, fill=1, stroke=0)
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Helvetica-Bold", 18)
        pdf.drawString(2 * cm, height - 2 * cm, heading)
        pdf.setFillColorRGB(0.1, 0.14, 0.16)
        pdf.setFont("Helvetica", 12)
        y = height - 5 * cm
        for line in lines:
            pdf.drawString(2 * cm, y, line)
            y -= 0.8 * cm
        pdf.setFont("Helvetica-Oblique", 9)
        pdf.drawString(2 * cm, 1.5 * cm, f"{title} — {DATA['sample_note']}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def ensure_file(*, folder, filename, make_data):
    """A filer file, found by folder and filename; `make_data()` runs only to create it."""
    existing = File.objects.filter(folder=folder, original_filename=filename).first()
    if existing is not None:
        return existing
    filer_file = File(folder=folder, original_filename=filename, name=filename, is_public=True)
    filer_file.file.save(filename, ContentFile(make_data()), save=False)
    filer_file.save()
    return filer_file


def ensure_document(*, filer_file, houses, stdout, **fields):
    document = Document.objects.filter(file=filer_file).first()
    if document is not None:
        return document
    document = Document(file=filer_file, is_published=True, is_sample=True, **fields)
    document_read_file_facts(document=document)
    document.full_clean()
    document.save()
    document.houses.set(houses)
    stdout.write(f"  document créé : {document.title}")
    return document


def file_bytes(data):
    """The generated content of a sample document: a PDF or an illustration."""
    if "pdf" in data:
        pages = [(page["heading"], page["lines"]) for page in data["pdf"]["pages"]]
        return pdf_bytes(data["pdf"]["title"], pages)
    return illustration_bytes(**data["illustration"])


def load(*, stdout):
    ensure_page(**DATA["page"], stdout=stdout)
    folder = demo_folder(DATA["folder"])
    houses = {house.slug: house for house in House.objects.all()}
    for data in DATA["documents"]:
        filer_file = ensure_file(
            folder=folder, filename=data["filename"], make_data=partial(file_bytes, data)
        )
        ensure_document(
            filer_file=filer_file,
            title=data["title"],
            description=data["description"],
            year=data["year"],
            published_on=data["published_on"],
            houses=[houses[slug] for slug in data["houses"] if slug in houses],
            stdout=stdout,
        )
