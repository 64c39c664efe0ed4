from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from houses.admin import SampleFlagMixin
from houses.permissions import HouseScopedAdminMixin

from .models import FinancialHelp, MembershipTerms


@admin.register(FinancialHelp)
class FinancialHelpAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]


@admin.register(MembershipTerms)
class MembershipTermsAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "house",
        "season",
        "individual_fee",
        "family_fee",
        "association_fee",
        "sample_flag",
    ]
    list_filter = ["season", "house", "is_sample"]
    list_select_related = ["house", "season"]
    filter_horizontal = ["helps"]
    fieldsets = [
        (None, {"fields": ["house", "season", "is_sample"]}),
        (
            _("Adhésion"),
            {
                "fields": [("individual_fee", "family_fee", "association_fee"), "fee_note"],
                "description": _(
                    "Les prix des activités selon le quotient familial sont dans les "
                    "« Grilles tarifaires » de la maison."
                ),
            },
        ),
        (_("Inscription"), {"fields": ["papers", "where_when"]}),
        (
            _("Aides"),
            {
                "fields": ["helps"],
                "description": _(
                    "Une aide manque à la liste ? Ajoutez-la avec le « + » à côté du champ."
                ),
            },
        ),
    ]
