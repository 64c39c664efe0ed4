from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from .models import FleurPluginModel, LatestReportsPluginModel, Report


@plugin_pool.register_plugin
class FleurPlugin(CMSPluginBase):
    model = FleurPluginModel
    name = _("Fleur de l'utilité sociale")
    module = _("Évaluation")
    render_template = "evaluation/plugins/fleur.html"
    fields = ["report", "show_table"]
    cache = False  # a newly published report must show at once

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        reports = (
            Report.objects.published().filter(results__isnull=False).with_results().newest_first()
        )
        if instance.report_id:
            reports = reports.filter(pk=instance.report_id)
        context["report"] = reports.first()
        return context


@plugin_pool.register_plugin
class LatestReportsPlugin(CMSPluginBase):
    model = LatestReportsPluginModel
    name = _("Derniers rapports d'évaluation")
    module = _("Évaluation")
    render_template = "evaluation/plugins/latest_reports.html"
    cache = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["reports"] = list(
            Report.objects.published().order_by("-year", "-published_on")[: instance.count]
        )
        return context
