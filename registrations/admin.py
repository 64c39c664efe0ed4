import csv
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coop_site.personal_data import PERMISSION as PERSONAL_DATA_PERMISSION
from houses.models import Activity, Event, House
from houses.permissions import HouseScopedAdminMixin

from . import services
from .models import Registration

ITEM_MODELS = {"activite": Activity, "evenement": Event}


@admin.register(Registration)
class RegistrationAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    """A house's requests: status changed from the list, the CSV and the attendance sheet."""

    list_display = ["name", "item_label", "people", "status", "phone", "email", "created_at"]
    list_editable = ["status"]
    list_filter = ["status", "activity", "event"]
    search_fields = ["name", "email", "phone", "comment", "activity__title", "event__title"]
    list_select_related = ["activity", "event"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "updated_at", "cancelled_at", "waiting_rank"]
    actions = ["attendance_sheet_action", "csv_action", "personal_data_action"]
    fieldsets = [
        (
            gettext_lazy("La demande"),
            {
                "fields": [
                    "status",
                    ("activity", "event"),
                    "name",
                    ("phone", "email"),
                    ("people", "child_age"),
                    "comment",
                ],
                "description": gettext_lazy(
                    "« Confirmée » ou « Liste d'attente » : le site le dit aussitôt à la "
                    "personne. Passer une demande à « Annulée » libère ses places : la première "
                    "demande de la liste d'attente qui y tient est confirmée, et la personne est "
                    "prévenue par e-mail. « Reçue » : une demande prise par téléphone, qui "
                    "compte dans les places."
                ),
            },
        ),
        (
            gettext_lazy("Suivi"),
            {"fields": ["waiting_rank", "created_at", "updated_at", "cancelled_at"]},
        ),
    ]

    # --- scoping: an activity's houses, an event's organiser or host house --------------

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if self.manages_all(request):
            return queryset
        return queryset.for_houses(House.objects.managed_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not self.manages_all(request):
            houses = House.objects.managed_by(request.user)
            if db_field.name == "activity":
                kwargs["queryset"] = Activity.objects.filter(houses__in=houses).distinct()
            elif db_field.name == "event":
                kwargs["queryset"] = Event.objects.filter(
                    Q(organiser__in=houses) | Q(place_house__in=houses)
                ).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def managed_item(self, request, kind, pk):
        """The activity or event, if the user handles its requests; else 403."""
        model = ITEM_MODELS.get(kind)
        if model is None:
            raise PermissionDenied
        item = get_object_or_404(model, pk=pk)
        if not self.has_view_permission(request):
            raise PermissionDenied
        if not self.manages_all(request):
            houses = set(House.objects.managed_by(request.user).values_list("pk", flat=True))
            if not houses & {house.pk for house in services.item_houses_all(item)}:
                raise PermissionDenied
        return item

    # --- the list ------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("activité ou événement"))
    def item_label(self, obj):
        return obj.item

    @admin.display(description=gettext_lazy("rang sur la liste d'attente"))
    def waiting_rank(self, obj):
        return obj.waiting_position() or "—"

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            services.status_change(registration=obj, status=obj.status, request=request)
        else:
            obj.save()

    # --- CSV and the attendance sheet ------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<str:kind>/<int:pk>/feuille/",
                view(self.attendance_sheet_view),
                name="registrations_registration_sheet",
            ),
            path(
                "<str:kind>/<int:pk>/csv/",
                view(self.csv_view),
                name="registrations_registration_csv",
            ),
            *super().get_urls(),
        ]

    def attendance_sheet_view(self, request, kind, pk):
        item = self.managed_item(request, kind, pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Feuille d'émargement : %(title)s") % {"title": item.title},
            **services.attendance_sheet(item),
        }
        return TemplateResponse(request, "registrations/admin/attendance_sheet.html", context)

    def csv_view(self, request, kind, pk):
        item = self.managed_item(request, kind, pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"inscriptions-{item.slug}-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        # Excel reads UTF-8 only after its byte-order mark, and splits French CSV on « ; ».
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(services.CSV_HEADERS)
        writer.writerows(services.csv_rows(item))
        return response

    def _single_item(self, request, queryset):
        items = {(r.activity_id, r.event_id): r.item for r in queryset.with_item()}
        if len(items) != 1:
            self.message_user(
                request,
                _("Cochez les inscriptions d'une seule activité ou d'un seul événement."),
                messages.WARNING,
            )
            return None
        return next(iter(items.values()))

    @admin.action(description=gettext_lazy("Feuille d'émargement de l'activité ou de l'événement"))
    def attendance_sheet_action(self, request, queryset):
        item = self._single_item(request, queryset)
        if item is not None:
            return redirect(sheet_url(item))

    @admin.action(description=gettext_lazy("Exporter la liste des inscrits (CSV)"))
    def csv_action(self, request, queryset):
        item = self._single_item(request, queryset)
        if item is not None:
            return redirect(csv_url(item))

    @admin.action(
        description=gettext_lazy("Données de cette personne (exporter, effacer)"),
        permissions=["personal_data"],
    )
    def personal_data_action(self, request, queryset):
        """To the administrators' « Données d'une personne », with the row's e-mail and phone."""
        people = {(row.email, row.phone) for row in queryset}
        if len(people) != 1:
            self.message_user(
                request,
                _("Cochez les inscriptions d'une seule personne (même e-mail et même téléphone)."),
                messages.WARNING,
            )
            return None
        email, phone = people.pop()
        return redirect(f"{reverse('personal_data')}?{urlencode({'email': email, 'phone': phone})}")

    def has_personal_data_permission(self, request):
        return request.user.has_perm(PERSONAL_DATA_PERMISSION)


def _item_url(name, item):
    return reverse(
        f"admin:registrations_registration_{name}", args=[services.item_kind(item), item.pk]
    )


def sheet_url(item):
    return _item_url("sheet", item)


def csv_url(item):
    return _item_url("csv", item)


def list_url(item):
    field = "activity" if isinstance(item, Activity) else "event"
    return f"{reverse('admin:registrations_registration_changelist')}?{field}__id__exact={item.pk}"


def item_links(item):
    """On an activity's or event's change page: « Liste des inscrits », « Feuille d'émargement »."""
    if item is None or not item.pk:
        return "—"
    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
        list_url(item),
        _("Liste des inscrits (%(count)s)") % {"count": item.registrations.count()},
        sheet_url(item),
        _("Feuille d'émargement"),
        csv_url(item),
        _("Exporter (CSV)"),
    )
