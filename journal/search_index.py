"""What the site search finds in the journal: published issues, their articles and text."""

from search.models import Kind
from search.registry import Document, Index, register

from .models import ContentsEntry, Issue


@register
class IssueIndex(Index):
    model = Issue
    kind = Kind.DOCUMENTS
    related = {ContentsEntry: lambda entry: [entry.issue]}

    def public(self):
        return Issue.objects.published().select_related("pdf").prefetch_related("contents")

    def document(self, issue):
        contents = "\n".join(entry.title for entry in issue.contents.all())
        return Document(
            title=str(issue),
            url=issue.download_url,
            date=issue.published_on,
            body=f"{contents}\n\n{issue.extracted_text}".strip(),
        )
