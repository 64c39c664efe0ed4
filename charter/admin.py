from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from houses.models import House
from houses.permissions import HouseScopedAdminMixin

from .forms import YearProgressForm
from .models import Charter, CharterSection, Commitment, CommitmentProgress, Theme
from .selectors import charter_sections
from .services import progress_year_copy, progress_year_save


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class CharterSectionInline(admin.StackedInline):
    model = CharterSection
    extra = 0
    fields = ["title", "intro", "order"]
    show_change_link = True


@admin.register(Charter)
class CharterAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "is_current", "adopted_on"]
    list_filter = ["is_current"]
    search_fields = ["title", "preamble"]
    inlines = [CharterSectionInline]
    fieldsets = [
        (None, {"fields": ["title", "version", "is_current", "adopted_on", "preamble"]}),
        (
            _("Citation d'ouverture"),
            {"fields": ["quote", "quote_author", "reflection", "reflection_author"]},
        ),
    ]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0
    fields = ["order", "text", "themes"]


@admin.register(CharterSection)
class CharterSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "charter", "order"]
    list_filter = ["charter"]
    search_fields = ["title", "intro"]
    inlines = [CommitmentInline]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "section", "order"]
    list_filter = ["section__charter", "section", "themes"]
    search_fields = ["text"]
    filter_horizontal = ["themes"]
    list_select_related = ["section"]


def year_from(raw, default):
    raw = (raw or "").strip()
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return int(raw)
    return default


@admin.register(CommitmentProgress)
class CommitmentProgressAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    list_display = [
        "commitment",
        "house",
        "year",
        "status",
        "is_sample",
        "updated_by",
        "updated_at",
    ]
    list_filter = [
        "year",
        "status",
        ("house", admin.RelatedOnlyFieldListFilter),
        "is_sample",
        "commitment__section__charter",
    ]
    search_fields = ["commitment__text", "done", "house__name"]
    list_select_related = ["house", "commitment", "updated_by"]
    fields = [
        "house",
        "commitment",
        "year",
        "status",
        "done",
        "evidence",
        "is_sample",
        "updated_by",
        "updated_at",
    ]
    readonly_fields = ["updated_by", "updated_at"]
    media_fields = ["evidence"]
    actions = ["copy_to_next_year"]
    change_list_template = "admin/charter/commitmentprogress/change_list.html"

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path(
                "annee/",
                self.admin_site.admin_view(self.year_view),
                name="charter_commitmentprogress_year",
            ),
            path(
                "recopier/",
                self.admin_site.admin_view(self.copy_view),
                name="charter_commitmentprogress_copy",
            ),
            *super().get_urls(),
        ]

    @admin.action(description=_("Recopier les statuts sélectionnés sur l'année suivante"))
    def copy_to_next_year(self, request, queryset):
        created = 0
        for year in sorted(set(queryset.values_list("year", flat=True))):
            created += progress_year_copy(
                entries=queryset.filter(year=year), to_year=year + 1, user=request.user
            )
        if created:
            self.message_user(
                request,
                ngettext(
                    "%(count)d statut recopié sur l'année suivante.",
                    "%(count)d statuts recopiés sur l'année suivante.",
                    created,
                )
                % {"count": created},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                _("Rien à recopier : l'année suivante est déjà renseignée pour ces engagements."),
                messages.WARNING,
            )

    # --- One house, one year, one screen --------------------------------------

    def _house_and_year(self, request, data):
        """The house and year asked for, refusing a house the user does not manage."""
        houses = list(House.objects.managed_by(request.user).exclude(kind=House.Kind.COOPERATION))
        raw_house = (data.get("maison") or "").strip()
        house = None
        if raw_house:
            house = (
                House.objects.neighbourhood_houses().filter(pk=raw_house).first()
                if raw_house.isdigit()
                else None
            )
            if house is None:
                messages.error(
                    request, _("Cette maison n'existe pas : choisissez-la dans la liste.")
                )
            elif house not in houses:
                raise PermissionDenied
        elif len(houses) == 1:
            house = houses[0]
        year = year_from(data.get("annee"), timezone.localdate().year)
        return houses, house, year

    def _year_url(self, house, year):
        url = reverse("admin:charter_commitmentprogress_year")
        return f"{url}?{urlencode({'maison': house.pk, 'annee': year})}"

    def _check_permissions(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied

    def year_view(self, request):
        self._check_permissions(request)
        charter = Charter.objects.current()
        if charter is None:
            messages.error(request, _("Aucune charte n'est en vigueur : saisissez-la d'abord."))
            return HttpResponseRedirect(reverse("admin:charter_commitmentprogress_changelist"))
        data = request.POST if request.method == "POST" else request.GET
        houses, house, year = self._house_and_year(request, data)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Saisir l'avancement d'une année"),
            "houses": houses,
            "house": house,
            "year": year,
            "charter": charter,
        }
        if house is not None:
            commitments = [c for s in charter_sections(charter) for c in s.shown_commitments]
            progress = CommitmentProgress.objects.filter(house=house, commitment__in=commitments)
            entries = {e.commitment_id: e for e in progress.filter(year=year)}
            previous = {e.commitment_id: e for e in progress.filter(year=year - 1)}
            form = YearProgressForm(
                request.POST if request.method == "POST" else None,
                commitments=commitments,
                entries=entries,
            )
            if request.method == "POST" and form.is_valid():
                result = progress_year_save(
                    house=house, year=year, values=form.values(), user=request.user
                )
                messages.success(
                    request,
                    _(
                        "%(house)s, %(year)s : %(saved)d engagement(s) enregistré(s), "
                        "%(cleared)d effacé(s)."
                    )
                    % {
                        "house": house.short_name,
                        "year": year,
                        "saved": result.saved,
                        "cleared": result.cleared,
                    },
                )
                return HttpResponseRedirect(self._year_url(house, year))
            if request.method == "POST":
                messages.error(
                    request, _("Rien n'a été enregistré : corrigez les erreurs signalées.")
                )
            context.update(
                form=form,
                rows=[
                    (commitment, status, done, previous.get(commitment.pk))
                    for commitment, status, done in form.rows()
                ],
                previous_year=year - 1,
                previous_count=len(previous),
                sample_count=sum(entry.is_sample for entry in entries.values()),
            )
        return TemplateResponse(request, "admin/charter/commitmentprogress/year_form.html", context)

    def copy_view(self, request):
        self._check_permissions(request)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:charter_commitmentprogress_year"))
        charter = Charter.objects.current()
        houses, house, year = self._house_and_year(request, request.POST)
        if house is None or charter is None:
            return HttpResponseRedirect(reverse("admin:charter_commitmentprogress_year"))
        source = CommitmentProgress.objects.for_charter(charter).filter(house=house, year=year - 1)
        created = progress_year_copy(entries=source, to_year=year, user=request.user)
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)d statut de %(source)s recopié sur %(year)s pour %(house)s. "
                    "Complétez maintenant ce qui a été fait.",
                    "%(count)d statuts de %(source)s recopiés sur %(year)s pour %(house)s. "
                    "Complétez maintenant ce qui a été fait.",
                    created,
                )
                % {"count": created, "source": year - 1, "year": year, "house": house.short_name},
            )
        else:
            messages.warning(
                request,
                _(
                    "Rien à recopier : %(source)s n'a pas de statut, ou %(year)s est déjà "
                    "renseignée pour ces engagements."
                )
                % {"source": year - 1, "year": year},
            )
        return HttpResponseRedirect(self._year_url(house, year))
