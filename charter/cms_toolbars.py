from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.urlutils import admin_reverse
from django.utils.translation import gettext_lazy as _


@toolbar_pool.register
class CharterToolbar(CMSToolbar):
    """On the charter's pages, staff reach the yearly progress screen in one click."""

    supported_apps = ["charter"]

    def populate(self):
        if not self.is_current_app:
            return
        user = self.request.user
        if not user.has_perm("charter.change_commitmentprogress"):
            return
        menu = self.toolbar.get_or_create_menu("charter-menu", _("Charte"))
        menu.add_link_item(
            _("Saisir l'avancement d'une année"),
            url=admin_reverse("charter_commitmentprogress_year"),
        )
        if user.has_perm("charter.change_charter"):
            menu.add_sideframe_item(
                _("Texte de la charte"), url=admin_reverse("charter_charter_changelist")
            )
