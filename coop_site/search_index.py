"""What the site search finds in the CMS pages: the published content of each page.

Keyed by page, not by content: publishing a new version replaces the page's
entry, unpublishing it removes it, whatever order versioning tells us in.
"""

from cms.models import PageContent

from search.models import Kind
from search.registry import Document, Index, plugins_text, register

LANGUAGE = "fr"


@register
class PageIndex(Index):
    model = PageContent
    kind = Kind.PAGES

    def public(self):
        # PageContent.objects holds published versions only (djangocms-versioning).
        return PageContent.objects.filter(language=LANGUAGE).select_related("page")

    def key_prefix(self):
        return "cms.page:"

    def key(self, content):
        return f"{self.key_prefix()}{content.page_id}"

    def public_version(self, content):
        return self.public().filter(page_id=content.page_id).first()

    def document(self, content):
        return Document(
            title=content.title,
            url=content.page.get_absolute_url(LANGUAGE) or "",
            body="\n".join(
                part
                for part in [content.meta_description, plugins_text(content.get_placeholders())]
                if part
            ),
        )
