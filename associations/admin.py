from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from houses.admin import SampleFlagMixin
from houses.permissions import HouseScopedAdminMixin

from .models import Association, AssociationMessage, Room, RoomRequest


@admin.register(Association)
class AssociationAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "house"
    list_display = ["name", "field", "house", "sample_flag"]
    list_filter = ["field", "house", "is_sample"]
    search_fields = ["name", "offer"]
    list_select_related = ["house"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "field", "house", "offer", "is_sample"]}),
        (
            _("Contact"),
            {
                "fields": ["email"],
                "description": _(
                    "Cette adresse n'est jamais affichée sur le site : les visiteurs écrivent à "
                    "l'association par son formulaire, et le site lui transmet leur message."
                ),
            },
        ),
    ]


@admin.register(AssociationMessage)
class AssociationMessageAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "association__house"
    list_display = ["subject", "name", "association", "created_at", "emailed_at", "is_handled"]
    list_filter = ["is_handled", "association__house", "created_at"]
    search_fields = ["subject", "name", "email", "message", "association__name"]
    list_editable = ["is_handled"]
    list_select_related = ["association"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "association",
        "name",
        "email",
        "phone",
        "subject",
        "message",
        "created_at",
        "emailed_at",
    ]

    def has_add_permission(self, request):
        # Messages come from visitors only.
        return False


@admin.register(Room)
class RoomAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "house"
    list_display = ["name", "house", "capacity", "order", "sample_flag"]
    list_filter = ["house", "is_sample"]
    search_fields = ["name", "equipment", "conditions"]
    list_select_related = ["house"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "house", "capacity", "order", "is_sample"]}),
        (_("Pour bien choisir"), {"fields": ["equipment", "accessibility", "conditions"]}),
    ]


@admin.register(RoomRequest)
class RoomRequestAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "room__house"
    list_display = [
        "room",
        "starts_on",
        "starts_at",
        "ends_at",
        "organisation",
        "name",
        "status",
        "emailed_at",
    ]
    list_filter = ["status", "room__house", "starts_on"]
    search_fields = ["name", "organisation", "purpose", "email"]
    list_select_related = ["room__house"]
    date_hierarchy = "starts_on"
    readonly_fields = [
        "room",
        "starts_on",
        "ends_on",
        "starts_at",
        "ends_at",
        "attendees",
        "purpose",
        "organisation",
        "name",
        "email",
        "phone",
        "created_at",
        "emailed_at",
    ]
    fieldsets = [
        (
            _("La réponse de l'équipe"),
            {
                "fields": ["status", "answer"],
                "description": _(
                    "Répondez à la personne par e-mail ou par téléphone, puis notez ici "
                    "l'état de la demande : elle est « Nouvelle » tant que personne n'y a répondu."
                ),
            },
        ),
        (
            _("La demande"),
            {
                "fields": [
                    "room",
                    ("starts_on", "ends_on"),
                    ("starts_at", "ends_at"),
                    "attendees",
                    "purpose",
                    "organisation",
                    "name",
                    "email",
                    "phone",
                    "created_at",
                    "emailed_at",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        # Requests come from visitors only.
        return False
