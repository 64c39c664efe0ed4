from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from filer.admin import clipboardadmin, folderadmin
from filer.models import Clipboard, Folder

from coop_site.images import renditions

from .fees import band_errors
from .media import upload_folder
from .models import (
    Action,
    Activity,
    Approval,
    Closure,
    CommonBaseItem,
    ContactMessage,
    Event,
    FeeBand,
    FeeGrid,
    House,
    HouseFigure,
    KeyFigure,
    OpeningHours,
    PublicPlace,
    Season,
)
from .permissions import HouseScopedAdminMixin, manages_all_houses, without_fields
from .services import house_staff_group_ensure

# On an activity's and an event's page: the registrations app's form and places left.
ONLINE_REQUESTS_FIELDSET = (
    _("Demandes de place en ligne"),
    {
        "fields": [("accepts_requests", "places"), "registration_links"],
        "description": _(
            "Cochez pour que les habitants demandent une place depuis la page : ils savent "
            "aussitôt si elle est confirmée ou s'ils sont sur la liste d'attente. Les demandes "
            "se gèrent dans « Inscriptions »."
        ),
    },
)


def image_preview(image):
    sources = renditions(image, widths=(240,))
    if not sources:
        return "—"
    url, width, height = sources[0]
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" style="max-width:240px;height:auto">',
        url,
        width,
        height,
    )


def ajax_upload(request, folder_id=None):
    """Filer's uploader, but a house's team uploading "without a folder" fills its house's.

    The file widget posts without a folder: filer would then put the file in
    the last folder browsed, or in "unsorted files", which the other houses'
    teams reach by searching the library.
    """
    if folder_id is None and request.user.has_perm("filer.add_file"):
        folder = upload_folder(
            request.user, last_folder_id=request.session.get("filer_last_folder_id")
        )
        if folder is False:
            return JsonResponse(
                {
                    "error": str(
                        _("Vous n'avez pas de dossier de la médiathèque où déposer ce fichier.")
                    )
                },
                status=403,
            )
        if folder is not None:
            folder_id = folder.pk
    return clipboardadmin.ajax_upload(request, folder_id=folder_id)


class ClipboardAdmin(clipboardadmin.ClipboardAdmin):
    def get_urls(self):
        upload = self.admin_site.admin_view(ajax_upload)
        # Before filer's own patterns, which have the same names and paths.
        return [
            path("operations/upload/<int:folder_id>/", upload, name="filer-ajax_upload"),
            path("operations/upload/no_folder/", upload, name="filer-ajax_upload"),
        ] + super().get_urls()


admin.site.unregister(Clipboard)
admin.site.register(Clipboard, ClipboardAdmin)


class FolderAdmin(folderadmin.FolderAdmin):
    def directory_listing(self, request, folder_id=None, viewtype=None):
        """A house's team opening "unsorted uploads" lands in its house's folder instead.

        Its uploads never go to "unsorted uploads" (see `ajax_upload`): there,
        a file just sent seemed to vanish.
        """
        if viewtype == "unfiled_images":
            folder = upload_folder(request.user)
            if folder:
                messages.info(
                    request,
                    _("Les fichiers de votre équipe sont rangés dans le dossier « %(folder)s ».")
                    % {"folder": folder.name},
                )
                return redirect("admin:filer-directory_listing", folder_id=folder.pk)
        return super().directory_listing(request, folder_id=folder_id, viewtype=viewtype)


admin.site.unregister(Folder)
admin.site.register(Folder, FolderAdmin)


class SampleFlagMixin:
    """Shows the "exemple" flag in lists, so staff know what to replace with real data."""

    @admin.display(description=_("exemple"), boolean=True, ordering="is_sample")
    def sample_flag(self, obj):
        return obj.is_sample


class ApprovalInline(admin.TabularInline):
    model = Approval
    extra = 0


class HouseFigureInline(admin.TabularInline):
    model = HouseFigure
    extra = 0


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0
    verbose_name_plural = _("horaires d'ouverture (plusieurs créneaux possibles par jour)")


class ClosureInline(admin.TabularInline):
    model = Closure
    extra = 0
    fields = ["kind", "starts_on", "ends_on", "reason", "opens", "closes"]


@admin.register(House)
class HouseAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "pk"
    list_display = ["name", "kind", "neighbourhood", "is_priority_area", "sample_flag", "order"]
    list_filter = ["kind", "is_priority_area", "is_sample"]
    search_fields = ["name", "short_name", "neighbourhood"]
    prepopulated_fields = {"slug": ["short_name"]}
    readonly_fields = ["photo_preview", "logo_preview"]
    inlines = [OpeningHoursInline, ClosureInline, ApprovalInline, HouseFigureInline]
    media_fields = ["photo", "photo_preview", "logo", "logo_preview"]
    # A house's team keeps its practical data up to date; the rest is the
    # Coopération's (name, address, web address, team group).
    team_fieldsets = [
        (
            None,
            {
                "fields": ["tagline", "phone", "email", "is_sample"],
                "description": _(
                    "Les horaires d'ouverture et les fermetures sont plus bas. Le nom, l'adresse "
                    "et la présentation détaillée sont modifiés par la Coopération."
                ),
            },
        ),
        (_("Photo"), {"fields": [("photo", "photo_preview")]}),
    ]
    team_inlines = [OpeningHoursInline, ClosureInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "tagline", "order", "is_sample"]}),
        (
            _("Quartier et histoire"),
            {"fields": ["neighbourhood", "is_priority_area", "founded_in"]},
        ),
        (
            _("Adresse et contact"),
            {
                "fields": [
                    "street_address",
                    "postcode",
                    "city",
                    ("latitude", "longitude"),
                    "phone",
                    "email",
                ]
            },
        ),
        (_("Images"), {"fields": [("photo", "photo_preview"), ("logo", "logo_preview")]}),
        (_("Gouvernance et équipe"), {"fields": ["governance", "staff_group"]}),
    ]

    @admin.display(description=_("aperçu de la photo"))
    def photo_preview(self, obj):
        return image_preview(obj.photo)

    @admin.display(description=_("aperçu du logo"))
    def logo_preview(self, obj):
        return image_preview(obj.logo)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not manages_all_houses(request.user):
            fields.append("staff_group")
        return fields

    def get_inlines(self, request, obj):
        if manages_all_houses(request.user):
            return super().get_inlines(request, obj)
        return self.team_inlines

    def get_prepopulated_fields(self, request, obj=None):
        if manages_all_houses(request.user):
            return super().get_prepopulated_fields(request, obj)
        return {}  # the web address is not in the team's form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        house_staff_group_ensure(house=obj)


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "first_year", "last_year", "theme"]
    list_filter = ["first_year", "theme", "houses"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["houses"]


class RegistrationLinksMixin:
    """« Liste des inscrits », « Feuille d'émargement », « Exporter (CSV) » on the change page;
    and places added by the team go at once to those waiting, in order."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if (
            change
            and obj.accepts_requests
            and {"places", "accepts_requests"} & set(form.changed_data)
        ):
            from registrations.services import fill_freed_places

            fill_freed_places(item=obj, request=request)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "registration_links"]

    @admin.display(description=_("inscriptions"))
    def registration_links(self, obj):
        from registrations.admin import item_links

        return item_links(obj)


@admin.register(Activity)
class ActivityAdmin(
    RegistrationLinksMixin, SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin
):
    house_lookup = "houses"
    list_display = ["title", "category", "weekday", "age_min", "age_max", "status", "sample_flag"]
    list_filter = ["category", "status", "weekday", "houses", "season", "is_sample"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["houses"]
    shared_houses_text = _("Aussi proposée par : %(houses)s")
    fieldsets = [
        (None, {"fields": ["title", "slug", "houses", "category", "summary", "is_sample"]}),
        (_("Public"), {"fields": [("age_min", "age_max")]}),
        (
            _("Horaires"),
            {"fields": ["weekday", ("starts_at_time", "ends_at_time"), "schedule_note", "season"]},
        ),
        (
            _("Tarif et inscription"),
            {"fields": ["price_kind", "price", "fee_grid", "price_grid_legacy", "registration"]},
        ),
        ONLINE_REQUESTS_FIELDSET,
        (_("État"), {"fields": ["status"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.price_grid_legacy:
            fieldsets = without_fields(fieldsets, ["price_grid_legacy"])
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "fee_grid":
            # A team picks among its own houses' grids.
            kwargs["queryset"] = FeeGrid.objects.filter(
                house__in=House.objects.managed_by(request.user)
            ).select_related("house", "season")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Event)
class EventAdmin(RegistrationLinksMixin, SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "organiser"
    list_display = ["title", "starts_at", "organiser", "theme", "is_cancelled", "sample_flag"]
    search_fields = ["title", "description", "place_name"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["image_preview"]
    list_select_related = ["organiser"]
    list_filter = ["organiser", "theme", "audience", "public_place", "is_cancelled", "is_sample"]
    media_fields = ["image", "image_preview", "alt_text", "is_decorative"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "organiser", "theme", "audience", "is_sample"]}),
        (_("Date"), {"fields": [("starts_at", "ends_at"), "is_all_day", "is_cancelled"]}),
        (
            _("Lieu"),
            {
                "fields": ["place_house", "public_place", "place_name", "place_address"],
                "description": _(
                    "Une maison, un lieu de l'AGORA (pour une séance dans l'espace public), "
                    "ou un autre lieu avec son adresse."
                ),
            },
        ),
        (_("Présentation"), {"fields": ["description", "registration"]}),
        ONLINE_REQUESTS_FIELDSET,
        (
            _("Image"),
            {"fields": [("image", "image_preview"), "alt_text", "is_decorative"]},
        ),
    ]

    @admin.display(description=_("aperçu"))
    def image_preview(self, obj):
        return image_preview(obj.image)


@admin.register(PublicPlace)
class PublicPlaceAdmin(SampleFlagMixin, admin.ModelAdmin):
    """The AGORA's places, shared by every house: a team adds or corrects one, the
    administrators delete (houses/roles.py)."""

    list_display = ["name", "kind", "usual_theme", "session_count", "sample_flag"]
    list_filter = ["kind", "is_sample"]
    search_fields = ["name", "usual_theme", "address"]
    fields = ["name", "kind", "usual_theme", "address", "order", "is_sample"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(session_total=Count("sessions"))

    @admin.display(description=_("séances"), ordering="session_total")
    def session_count(self, obj):
        return obj.session_total


@admin.register(ContactMessage)
class ContactMessageAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "subject",
        "name",
        "house",
        "topic",
        "addressed_to",
        "created_at",
        "emailed_at",
        "is_handled",
    ]
    list_filter = ["is_handled", "house", "topic", "addressed_to", "created_at"]
    search_fields = ["subject", "name", "email", "message"]
    list_editable = ["is_handled"]
    list_select_related = ["house"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "house",
        "topic",
        "addressed_to",
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


@admin.register(CommonBaseItem)
class CommonBaseItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    search_fields = ["title", "description"]


@admin.register(KeyFigure)
class KeyFigureAdmin(admin.ModelAdmin):
    list_display = ["label", "display_value", "year", "house", "source", "order"]
    list_filter = ["year", "house"]
    search_fields = ["label", "source"]
    list_select_related = ["house"]

    @admin.display(description=_("valeur"))
    def display_value(self, obj):
        return obj.display_value


@admin.register(Season)
class SeasonAdmin(admin.ModelAdmin):
    list_display = ["label", "starts_on", "ends_on"]
    search_fields = ["label"]


class FeeBandFormSet(forms.BaseInlineFormSet):
    """The bands of one grid, checked together: from 0, no gap, no overlap, the last open."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return  # each band's own errors first: the grid is checked once they are right
        forms_ = [
            form
            for form in self.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        bounds = [
            (form.cleaned_data.get("qf_from"), form.cleaned_data.get("qf_to")) for form in forms_
        ]
        errors = band_errors(bounds)
        for index, field, message in errors:
            forms_[index].add_error(field, message)
        if errors:
            raise forms.ValidationError(
                _("Les tranches ne se suivent pas : corrigez les tranches signalées.")
            )
        if not forms_:
            raise forms.ValidationError(_("Ajoutez au moins une tranche à la grille."))


class FeeBandInline(admin.TabularInline):
    model = FeeBand
    formset = FeeBandFormSet
    extra = 0
    min_num = 1
    fields = ["qf_from", "qf_to", "price"]


@admin.register(FeeGrid)
class FeeGridAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "house", "season", "unit", "sample_flag"]
    list_filter = ["season", "house", "is_sample"]
    search_fields = ["name"]
    list_select_related = ["house", "season"]
    inlines = [FeeBandInline]
    fields = ["house", "season", "name", "unit", "is_sample"]
