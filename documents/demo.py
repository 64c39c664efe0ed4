"""Demo data of the documents app: the /documents/ page and a few sample files.

Every file is generated here and says it is an example; nothing in them
is presented as a fact that is not in the seed (../shared/seed/).
"""

import io
from datetime import date

from django.core.files.base import ContentFile
from filer.models import File
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from coop_site.demo import demo_folder, ensure_page, illustration_bytes
from houses.models import House

from .models import Document
from .services import document_read_file_facts

SAMPLE_NOTE = "Document d'exemple créé pour la démonstration du site."

BROCHURE_PAGES = [
    (
        "La Coopération des Maisons de Quartier",
        [
            "Trois maisons de quartier de Romans-sur-Isère et l'Accorderie",
            "ont choisi de travailler ensemble : elles forment la Coopération.",
            "",
            "Saint-Nicolas, les Ors, Noël Guichard et l'Accorderie de Romans.",
        ],
    ),
    (
        "La Coopération en chiffres (2018)",
        [
            "3 agréments « centre social » de la CAF, un par maison ;",
            "1 agrément « Espace de vie sociale » pour la Coopération ;",
            "plus de 80 bénévoles et 24 salariés permanents ;",
            "plus de 90 associations locales accueillies.",
            "",
            "Source : la Coopération, 2018.",
        ],
    ),
    (
        "Le socle commun",
        [
            "Des valeurs partagées et trois principes d'action :",
            "l'éducation populaire, la transmission culturelle",
            "et le développement durable.",
        ],
    ),
]


def pdf_bytes(title, pages):
    """A small A4 PDF whose every page says it is an example."""
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
        pdf.drawString(2 * cm, 1.5 * cm, f"{title} — {SAMPLE_NOTE}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def ensure_file(*, folder, filename, data):
    existing = File.objects.filter(folder=folder, original_filename=filename).first()
    if existing is not None:
        return existing
    filer_file = File(folder=folder, original_filename=filename, name=filename, is_public=True)
    filer_file.file.save(filename, ContentFile(data), save=False)
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


def load(*, stdout):
    ensure_page(
        reverse_id="documents",
        title="Documents à télécharger",
        menu_title="Documents",
        slug="documents",
        meta_description=(
            "Rapports, plaquettes et journaux de la Coopération des Maisons de Quartier "
            "de Romans-sur-Isère, à télécharger."
        ),
        apphook="DocumentsApphook",
        apphook_namespace="documents",
        stdout=stdout,
    )
    folder = demo_folder("Documents publics (exemples)")
    houses = {house.slug: house for house in House.objects.all()}
    cooperation = [houses["la-cooperation"]] if "la-cooperation" in houses else []

    brochure = ensure_file(
        folder=folder,
        filename="plaquette-cooperation-exemple.pdf",
        data=pdf_bytes("Plaquette de la Coopération", BROCHURE_PAGES),
    )
    ensure_document(
        filer_file=brochure,
        title="Plaquette de présentation de la Coopération (exemple)",
        description="Qui sont les maisons de quartier de la Coopération, le socle commun et "
        "les chiffres clés de 2018. Document d'exemple.",
        year=2018,
        published_on=date(2018, 9, 15),
        houses=cooperation,
        stdout=stdout,
    )
    journal = ensure_file(
        folder=folder,
        filename="journal-cooperation-exemple.pdf",
        data=pdf_bytes(
            "Journal de la Coopération",
            [
                (
                    "Le journal de la Coopération",
                    [
                        "Le journal fait partie des outils communs de la Coopération,",
                        "avec le site internet et l'émission de radio hebdomadaire.",
                    ],
                ),
                (
                    "L'AGORA",
                    [
                        "Un mobilier de rue pour débattre dans l'espace public :",
                        "16 rencontres animées pendant « Au fil des quartiers ».",
                    ],
                ),
            ],
        ),
    )
    ensure_document(
        filer_file=journal,
        title="Journal de la Coopération (numéro d'exemple)",
        description="Un numéro fictif du journal commun, pour montrer la mise en page.",
        year=2019,
        published_on=date(2019, 3, 1),
        houses=cooperation,
        stdout=stdout,
    )
    poster = ensure_file(
        folder=folder,
        filename="affiche-agora-exemple.jpg",
        data=illustration_bytes("Affiche : une AGORA près de chez vous", kind="Affiche"),
    )
    ensure_document(
        filer_file=poster,
        title="Affiche « Une AGORA près de chez vous » (exemple)",
        description="Une affiche d'exemple pour annoncer un débat AGORA dans un quartier.",
        year=2018,
        published_on=date(2018, 5, 20),
        houses=[houses[slug] for slug in ("saint-nicolas", "les-ors") if slug in houses],
        stdout=stdout,
    )
