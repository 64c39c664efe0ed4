from django.views.generic import TemplateView

from .models import Partner
from .services import grouped_by_kind


class PartnerListView(TemplateView):
    """« Partenaires » : who funds the houses, works with them, and the networks they belong to."""

    template_name = "partners/partner_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = grouped_by_kind(Partner.objects.for_display())
        return context
