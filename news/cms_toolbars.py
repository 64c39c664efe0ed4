from cms.toolbar.items import ButtonList
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.urlutils import admin_reverse
from django.utils.translation import gettext_lazy as _

from coop_site.apphooks import reverse_or_empty

from .models import NewsItem


@toolbar_pool.register
class NewsToolbar(CMSToolbar):
    """An "Actualités" menu: write a news item from any page, edit the one shown."""

    def populate(self):
        user = self.request.user
        if not user.has_perm("news.view_newsitem"):
            return
        menu = self.toolbar.get_or_create_menu("news-menu", _("Actualités"))
        if user.has_perm("news.add_newsitem"):
            menu.add_modal_item(_("Nouvelle actualité"), url=admin_reverse("news_newsitem_add"))
        menu.add_sideframe_item(
            _("Toutes les actualités"), url=admin_reverse("news_newsitem_changelist")
        )

    def post_template_populate(self):
        # The detail view has told the toolbar which item it shows by now.
        item = self.toolbar.get_object()
        if isinstance(item, NewsItem) and self.request.user.has_perm("news.change_newsitem"):
            menu = self.toolbar.get_or_create_menu("news-menu", _("Actualités"))
            menu.add_break("news-item")
            menu.add_modal_item(
                _("Titre, date, image et publication de cette actualité"),
                url=admin_reverse("news_newsitem_change", args=[item.pk]),
            )
            self.add_publish_button(item)

    def add_publish_button(self, item):
        """« Publier » on the right, where djangocms-versioning puts it for pages."""
        if item.status == NewsItem.Status.PUBLISHED:
            return
        url = reverse_or_empty("news:publish", pk=item.pk)
        if not url:  # no "Actualités" page yet: the item has no address to publish to
            return
        buttons = ButtonList(side=self.toolbar.RIGHT)
        # "cms-form-post-method": the toolbar sends a POST with the CSRF token.
        buttons.add_button(
            _("Publier"), url=url, extra_classes=["cms-btn-action", "cms-form-post-method"]
        )
        self.toolbar.add_item(buttons)
