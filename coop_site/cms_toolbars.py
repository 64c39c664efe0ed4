from cms.cms_toolbars import ADMIN_MENU_IDENTIFIER, ADMINISTRATION_BREAK
from cms.toolbar.items import Break
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@toolbar_pool.register
class GuideToolbar(CMSToolbar):
    """« Guide de l'équipe » in the toolbar's first menu, for every staff member."""

    def populate(self):
        if not self.request.user.is_staff:
            return
        menu = self.toolbar.get_or_create_menu(ADMIN_MENU_IDENTIFIER)
        # Above the break that ends the administration's links, when django CMS has put it.
        found = menu.find_first(Break, identifier=ADMINISTRATION_BREAK)
        menu.add_link_item(
            _("Guide de l'équipe"),
            url=reverse("guide:index"),
            position=found.index if found else None,
        )
