from cms.cms_toolbars import PlaceholderToolbar
from cms.toolbar.utils import get_object_edit_url
from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.urlutils import admin_reverse
from django.utils.translation import gettext_lazy as _

from .models import Action, House


@toolbar_pool.register
class HousesToolbar(CMSToolbar):
    """Staff add an event or an activity from any page; on a house's page, its own links."""

    def populate(self):
        user = self.request.user
        can_event = user.has_perm("houses.add_event")
        can_activity = user.has_perm("houses.add_activity")
        if not (can_event or can_activity):
            return
        menu = self.toolbar.get_or_create_menu("houses-menu", _("Maisons"))
        if can_event:
            menu.add_modal_item(_("Nouvel événement"), url=admin_reverse("houses_event_add"))
        if can_activity:
            menu.add_modal_item(_("Nouvelle activité"), url=admin_reverse("houses_activity_add"))
        menu.add_break("houses-lists")
        if user.has_perm("houses.view_event"):
            menu.add_sideframe_item(_("Événements"), url=admin_reverse("houses_event_changelist"))
        if user.has_perm("houses.view_activity"):
            menu.add_sideframe_item(_("Activités"), url=admin_reverse("houses_activity_changelist"))
        if user.has_perm("houses.view_contactmessage"):
            menu.add_sideframe_item(
                _("Messages reçus"), url=admin_reverse("houses_contactmessage_changelist")
            )

    def post_template_populate(self):
        # The view has told the toolbar which object it shows by now.
        obj = self.toolbar.get_object()
        user = self.request.user
        if isinstance(obj, House) and House.objects.managed_by(user).filter(pk=obj.pk).exists():
            self._house_links(obj)
        elif isinstance(obj, Action) and user.has_perm("houses.change_action"):
            menu = self.toolbar.get_or_create_menu("houses-menu", _("Maisons"))
            menu.add_modal_item(
                _("Modifier cette action"), url=admin_reverse("houses_action_change", args=[obj.pk])
            )
            menu.add_link_item(_("Écrire le texte de l'action"), url=get_object_edit_url(obj))

    def _house_links(self, house):
        user = self.request.user
        menu = self.toolbar.get_or_create_menu("house-menu", house.short_name)
        if user.has_perm("houses.change_house"):
            menu.add_modal_item(
                _("Horaires, fermetures et coordonnées"),
                url=admin_reverse("houses_house_change", args=[house.pk]),
            )
        # Offered to whoever may write this house's presentation (its team included).
        if house.can_write_presentation(user):
            menu.add_link_item(_("Écrire la présentation"), url=get_object_edit_url(house))
            self._structure_switch()
        if user.has_perm("houses.view_activity"):
            menu.add_sideframe_item(
                _("Activités de la maison"),
                url=admin_reverse("houses_activity_changelist") + f"?houses__id__exact={house.pk}",
            )
        if user.has_perm("houses.view_event"):
            menu.add_sideframe_item(
                _("Événements de la maison"),
                url=admin_reverse("houses_event_changelist") + f"?organiser__id__exact={house.pk}",
            )
        if user.has_perm("houses.view_contactmessage"):
            menu.add_sideframe_item(
                _("Messages reçus par la maison"),
                url=admin_reverse("houses_contactmessage_changelist")
                + f"?house__id__exact={house.pk}",
            )

    def _structure_switch(self):
        """The « Structure / Contenu » switch of the house being written, for its team.

        A first text is added with the « + » of the structure board, whose
        script starts only under this switch. django CMS shows it to holders
        of "cms.use_structure" only, which teams lack so that no page offers
        them a structure board they would be refused (403); this house's board
        is theirs, so the switch is added here, in its edit modes only, with
        the CMS's own code.
        """
        if self.request.user.has_perm("cms.use_structure") or not self.toolbar.edit_mode_active:
            return  # the CMS adds it itself, or there is nothing to edit here
        PlaceholderToolbar.add_structure_mode(self)
