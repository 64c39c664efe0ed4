"""What the site search finds in the easy-to-read versions: the published ones, line by line."""

from search.models import Kind
from search.registry import Document, Index, register

from .models import EasyReadLine, EasyReadVersion


@register
class EasyReadIndex(Index):
    model = EasyReadVersion
    kind = Kind.PAGES
    related = {EasyReadLine: lambda line: [line.version]}

    def public(self):
        return EasyReadVersion.objects.published().prefetch_related("lines")

    def document(self, version):
        return Document(
            title=version.title,
            url=version.get_absolute_url(),
            body="\n".join(line.text for line in version.lines.all()),
        )
