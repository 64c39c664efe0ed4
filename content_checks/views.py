from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .site_report import site_report


def site_report_view(request):
    """The admin page « Liens cassés et fichiers manquants » (staff only: admin_view)."""
    context = {
        **admin.site.each_context(request),
        "title": _("Liens cassés et fichiers manquants"),
        "report": site_report(),
    }
    return TemplateResponse(request, "content_checks/site_report.html", context)
