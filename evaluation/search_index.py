"""What the site search finds in the evaluation: published reports, with their PDF's text."""

from search.models import Kind
from search.registry import Document, Index, register

from .models import Report


@register
class ReportIndex(Index):
    model = Report
    kind = Kind.DOCUMENTS

    def public(self):
        return Report.objects.published()

    def document(self, report):
        return Document(
            title=report.title,
            url=report.get_absolute_url(),
            date=report.published_on,
            body="\n".join(part for part in [report.summary, report.extracted_text] if part),
        )
