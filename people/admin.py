from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from houses.admin import SampleFlagMixin, image_preview
from houses.permissions import HouseScopedAdminMixin

from .models import MANAGE_ALL_PEOPLE, Person, ProjectGroup


@admin.register(Person)
class PersonAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    all_houses_permission = MANAGE_ALL_PEOPLE
    list_display = ["display_name", "role", "house", "kind", "order", "sample_flag"]
    list_editable = ["order"]
    list_filter = ["house", "kind", "is_sample"]
    search_fields = ["display_name", "role"]
    list_select_related = ["house"]
    readonly_fields = ["photo_preview"]
    media_fields = ["photo", "photo_preview", "alt_text", "is_decorative"]
    fieldsets = [
        (None, {"fields": ["display_name", "role", "house", "kind", "order", "is_sample"]}),
        (
            _("Contact"),
            {
                "fields": ["phone_extension"],
                "description": _(
                    "Jamais d'adresse e-mail personnelle : les visiteurs écrivent à la maison, "
                    "à l'attention du rôle de la personne."
                ),
            },
        ),
        (_("Photo"), {"fields": [("photo", "photo_preview"), "alt_text", "is_decorative"]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "house" and not self.manages_all(request):
            # An empty house is the Coopération's, out of a team's reach: a team
            # would lose the person at once.
            kwargs["required"] = True
            kwargs["empty_label"] = None
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("aperçu"))
    def photo_preview(self, obj):
        return image_preview(obj.photo)


@admin.register(ProjectGroup)
class ProjectGroupAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    all_houses_permission = MANAGE_ALL_PEOPLE
    house_lookup = "houses"
    shared_houses_text = _("Aussi groupe de : %(houses)s")
    list_display = ["name", "theme", "house_names", "order", "sample_flag"]
    list_editable = ["order"]
    list_filter = ["houses", "is_sample"]
    search_fields = ["name", "theme", "description"]
    filter_horizontal = ["houses"]
    fields = ["name", "theme", "houses", "description", "order", "is_sample"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("houses")

    @admin.display(description=_("maisons"))
    def house_names(self, obj):
        return ", ".join(house.short_name for house in obj.houses.all()) or _("La Coopération")
