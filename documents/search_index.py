"""What the site search finds in the documents library: published, public files only."""

from search.models import Kind
from search.registry import Document, Index, register

from .models import Document as LibraryDocument


@register
class DocumentIndex(Index):
    model = LibraryDocument
    kind = Kind.DOCUMENTS

    def public(self):
        return LibraryDocument.objects.published().select_related("file")

    def document(self, document):
        return Document(
            title=document.title,
            url=document.download_url,
            date=document.published_on,
            body=f"{document.description}\n\n{document.extracted_text}".strip(),
        )
