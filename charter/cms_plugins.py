from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from coop_site.apphooks import reverse_or_empty

from .models import Charter, CharterPluginModel, CharterProgressPluginModel
from .selectors import charter_sections, progress_dashboard


def charter_url(name):
    # Without the charter page in the CMS tree, the text shows without links.
    return reverse_or_empty(f"charter:{name}")


@plugin_pool.register_plugin
class CharterPlugin(CMSPluginBase):
    model = CharterPluginModel
    name = _("Charte écostructure")
    module = _("Charte écostructure")
    render_template = "charter/plugins/charter.html"
    fields = ["scope", "section", "theme"]
    # Staff edit the charter in the admin, which the placeholder cache would not see.
    cache = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        Scope = CharterPluginModel.Scope
        if instance.scope == Scope.SECTION and instance.section_id:
            charter = instance.section.charter
            sections = charter_sections(charter, section=instance.section)
        else:
            charter = Charter.objects.current()
            theme = instance.theme if instance.scope == Scope.THEME else None
            sections = charter_sections(charter, theme=theme) if charter else []
        context.update(
            {
                "charter": charter,
                "sections": sections,
                "show_preamble": instance.scope == Scope.WHOLE,
                "filter_url": charter_url("detail") if charter and charter.is_current else "",
                "id_prefix": f"plugin-{instance.pk}-",
            }
        )
        return context


@plugin_pool.register_plugin
class CharterProgressPlugin(CMSPluginBase):
    model = CharterProgressPluginModel
    name = _("Avancement de la charte")
    module = _("Charte écostructure")
    render_template = "charter/plugins/progress.html"
    fields = ["house", "year"]
    cache = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        charter = Charter.objects.current()
        dashboard = None
        if charter is not None:
            dashboard = progress_dashboard(
                charter=charter, year=instance.year, houses=[instance.house]
            )
        context.update(
            {
                "charter": charter,
                "dashboard": dashboard,
                "progress": dashboard.houses[0] if dashboard else None,
                "year": dashboard.year if dashboard else None,
                "dashboard_url": charter_url("progress"),
                "id_prefix": f"plugin-{instance.pk}-",
            }
        )
        return context
