from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.urlutils import admin_reverse
from django.utils.translation import gettext_lazy as _

from .models import Report


@toolbar_pool.register
class EvaluationToolbar(CMSToolbar):
    """From any page, the officer starts a new report; on a report's page, edits that one."""

    def populate(self):
        user = self.request.user
        if not user.has_perm("evaluation.view_report"):
            return
        menu = self.toolbar.get_or_create_menu("evaluation-menu", _("Évaluation"))
        if user.has_perm("evaluation.add_report"):
            # The report screen is long: it opens in full, not in a modal.
            menu.add_link_item(_("Nouveau rapport"), url=admin_reverse("evaluation_report_add"))
        menu.add_sideframe_item(
            _("Tous les rapports"), url=admin_reverse("evaluation_report_changelist")
        )

    def post_template_populate(self):
        report = self.toolbar.get_object()
        if isinstance(report, Report) and self.request.user.has_perm("evaluation.change_report"):
            menu = self.toolbar.get_or_create_menu("evaluation-menu", _("Évaluation"))
            menu.add_break("evaluation-this-report")
            label = (
                _("Modifier ce rapport")
                if report.is_published
                else _("Modifier ou publier ce brouillon")
            )
            menu.add_link_item(
                label, url=admin_reverse("evaluation_report_change", args=[report.pk])
            )
