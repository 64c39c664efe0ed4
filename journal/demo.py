"""Demo data of the journal: the loading logic of journal/demo.yaml.

The seed names a journal but no issue: every issue is an example
(is_sample), its PDF generated here with reportlab, as the other loaders
make theirs, each page saying it is an example. Found by number and by file
name, so a second run creates nothing.
"""

import io

from django.core.files.base import ContentFile
from filer.models import File
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from coop_site.demo import DemoData, demo_folder, ensure_page

from .models import Issue
from .services import issue_derive

DATA = DemoData(
    __file__,
    required={
        "page": ("reverse_id", "title", "slug"),
        "folder": (),
        "sample_note": (),
        "issues": ("number", "title", "published_on", "contents"),
    },
)


def issue_pdf(number, title, contents):
    """An A4 PDF: a cover page with the title, then one page per article of `contents`."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(f"Journal n° {number} (exemple)")
    width, height = A4
    pages = max(entry["page"] for entry in contents)
    for page in range(1, pages + 1):
        pdf.setFillColorRGB(0.05, 0.36, 0.39)
        pdf.rect(0, height - 4 * cm, width, 4 * cm, fill=1, stroke=0)
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Helvetica-Bold", 22)
        pdf.drawString(2 * cm, height - 2.2 * cm, f"Le journal de la Coopération — n° {number}")
        pdf.setFont("Helvetica", 13)
        pdf.drawString(2 * cm, height - 3.2 * cm, title)
        pdf.setFillColorRGB(0.1, 0.14, 0.16)
        y = height - 6 * cm
        for entry in contents:
            if entry["page"] == page:
                pdf.setFont("Helvetica-Bold", 16)
                pdf.drawString(2 * cm, y, entry["title"])
                y -= 1 * cm
        pdf.setFont("Helvetica-Oblique", 9)
        pdf.drawString(2 * cm, 1.5 * cm, f"Page {page} — {DATA['sample_note']}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def ensure_pdf(*, folder, data):
    filename = f"journal-{data['number']}-exemple.pdf"
    existing = File.objects.filter(folder=folder, original_filename=filename).first()
    if existing is not None:
        return existing
    content = issue_pdf(data["number"], data["title"], data["contents"])
    file = File(folder=folder, original_filename=filename, name=filename, is_public=True)
    file.file.save(filename, ContentFile(content), save=False)
    file.mime_type = "application/pdf"
    file.save()
    return file


def ensure_issue(data, *, folder, stdout):
    if Issue.objects.filter(number=data["number"]).exists():
        return
    issue = Issue(
        number=data["number"],
        title=data["title"],
        published_on=data["published_on"],
        pdf=ensure_pdf(folder=folder, data=data),
        is_published=True,
        is_sample=True,
    )
    issue.full_clean()
    issue.save()
    for entry in data["contents"]:
        issue.contents.create(title=entry["title"], page=entry["page"])
    issue_derive(issue=issue)  # the cover, at once: the demo is read right after
    stdout.write(f"  numéro du journal créé : {issue}")


def load(*, stdout):
    ensure_page(**DATA["page"], stdout=stdout)
    folder = demo_folder(DATA["folder"])
    for data in DATA["issues"]:
        ensure_issue(data, folder=folder, stdout=stdout)
