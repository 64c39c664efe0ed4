"""What the site search finds in the news: published items, from their publication date."""

from search.models import Kind
from search.registry import Document, Index, plugins_text, register

from .models import NewsItem


@register
class NewsIndex(Index):
    model = NewsItem
    kind = Kind.NEWS

    def public(self):
        # A published item dated in the future is indexed now and shown from its date.
        return NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED)

    def document(self, item):
        return Document(
            title=item.title,
            url=item.get_absolute_url(),
            date=item.published_on,
            visible_from=item.published_on,
            body="\n".join(
                part for part in [item.teaser, plugins_text(item.placeholders.all())] if part
            ),
        )
