from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from houses.admin import SampleFlagMixin, image_preview

from .models import Partner


@admin.register(Partner)
class PartnerAdmin(SampleFlagMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "houses_label", "order", "sample_flag"]
    list_editable = ["order"]
    list_filter = ["kind", "houses", "is_sample"]
    search_fields = ["name", "description"]
    filter_horizontal = ["houses"]
    readonly_fields = ["logo_preview"]
    # An address typed without its scheme becomes https://, the only kind accepted.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "kind", "description", "url", "order", "is_sample"]}),
        (_("Logo"), {"fields": [("logo", "logo_preview"), "alt_text"]}),
        (
            _("Maisons concernées"),
            {
                "fields": ["houses"],
                "description": _(
                    "Le pied de page de chaque page montre tous les partenaires ; la page d'une "
                    "maison, ceux qui la concernent."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("houses")

    @admin.display(description=_("maisons concernées"))
    def houses_label(self, obj):
        return ", ".join(house.short_name for house in obj.houses.all()) or _(
            "toute la Coopération"
        )

    @admin.display(description=_("aperçu du logo"))
    def logo_preview(self, obj):
        return image_preview(obj.logo)
