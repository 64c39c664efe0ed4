"""The evaluation officer's admin: one screen per report, from the PDF to publication."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coop_site.formatting import format_file_size

from . import services
from .fleur import fleur_context
from .forms import ReportAdminForm
from .models import (
    Dimension,
    DimensionResult,
    EvaluatedAction,
    Indicator,
    IndicatorValue,
    Referential,
    Report,
    ReportFileHistory,
)


class DimensionInline(admin.TabularInline):
    model = Dimension
    extra = 0
    fields = ["order", "name", "slug", "colour", "description"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
    }


@admin.register(Referential)
class ReferentialAdmin(admin.ModelAdmin):
    list_display = ["name", "built_in", "scale_max", "dimension_count"]
    search_fields = ["name", "description"]
    inlines = [DimensionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(dimensions_total=models.Count("dimensions"))

    @admin.display(description=_("dimensions"), ordering="dimensions_total")
    def dimension_count(self, obj):
        return obj.dimensions_total


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["label", "unit", "dimension", "order"]
    list_filter = ["dimension__referential", "dimension"]
    search_fields = ["label", "description"]
    list_select_related = ["dimension"]


# --- The report screen ---------------------------------------------------------


def referential_for(request, obj):
    """The referential whose dimensions the report's results should cover."""
    if obj is not None and obj.referential_id:
        return obj.referential
    chosen = request.GET.get("referential", "")
    if chosen.isdigit():
        found = Referential.objects.filter(pk=chosen).first()
        if found:
            return found
    return Referential.objects.first()


def missing_dimensions(request, obj):
    referential = referential_for(request, obj)
    if referential is None:
        return []
    dimensions = referential.dimensions.all()
    if obj is not None and obj.pk:
        dimensions = dimensions.exclude(results__report=obj)
    return list(dimensions)


class DimensionResultFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        referential = self.instance.referential
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("dimension"):
                continue
            dimension = data["dimension"]
            if referential is None or dimension.referential_id != referential.pk:
                form.add_error(
                    "dimension",
                    _("Cette dimension n'appartient pas au référentiel choisi pour le rapport."),
                )
            elif data.get("score") is not None and data["score"] > referential.scale_max:
                form.add_error(
                    "score",
                    _("Le score va de 0 à %(max)s dans ce référentiel.")
                    % {"max": referential.scale_max},
                )


class DimensionResultInline(admin.TabularInline):
    model = DimensionResult
    formset = DimensionResultFormSet
    fields = ["dimension", "score", "observed", "quotes"]
    extra = 0
    verbose_name_plural = _("Résultats par dimension (une ligne par pétale de la Fleur)")
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 36})},
    }

    def get_extra(self, request, obj=None, **kwargs):
        return len(missing_dimensions(request, obj))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "dimension":
            kwargs["queryset"] = Dimension.objects.select_related("referential")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EvaluatedActionForm(forms.ModelForm):
    class Meta:
        model = EvaluatedAction
        fields = ["title", "scope", "house", "action", "dimensions", "findings", "order"]
        widgets = {
            "dimensions": forms.CheckboxSelectMultiple,
            "findings": forms.Textarea(attrs={"rows": 3, "cols": 60}),
        }


class EvaluatedActionInline(admin.StackedInline):
    model = EvaluatedAction
    form = EvaluatedActionForm
    extra = 0
    classes = ["collapse"]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = ["indicator", "value", "note"]
    extra = 0


class ReportFileHistoryInline(admin.TabularInline):
    model = ReportFileHistory
    fields = ["old_file", "page_count", "size", "uploaded_by", "replaced_by", "replaced_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Anciennes versions du PDF (conservées)")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("fichier"))
    def old_file(self, obj):
        url = reverse("admin:evaluation_report_history", args=[obj.report_id, obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj)

    @admin.display(description=_("taille"))
    def size(self, obj):
        return format_file_size(obj.pdf_size) if obj.pdf_size else "—"


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    form = ReportAdminForm
    change_form_template = "admin/evaluation/report/change_form.html"

    class Media:
        css = {"all": ["css/evaluation-admin.css"]}

    list_display = ["title", "period_label", "kind", "status_badge", "published_on", "page_count"]
    list_filter = ["status", "kind", "year", "referential", "needs_processing"]
    search_fields = ["title", "summary", "extracted_text"]
    list_select_related = ["referential"]
    view_on_site = False  # the change form has its own "preview" link, drafts included
    actions = ["publish_selected", "unpublish_selected"]
    inlines = [
        DimensionResultInline,
        EvaluatedActionInline,
        IndicatorValueInline,
        ReportFileHistoryInline,
    ]
    readonly_fields = [
        "file_info",
        "cover_preview",
        "status",
        "uploaded_by",
        "uploaded_at",
        "processing_state",
        "fleur_preview",
    ]
    fieldsets = [
        (
            _("1. Le rapport"),
            {
                "description": _(
                    "Remplissez cette page de haut en bas, enregistrez, vérifiez l'aperçu "
                    "(bouton « Aperçu de la page publique » en haut), puis publiez. "
                    "Tant qu'il n'est pas publié, le rapport est invisible pour le public."
                ),
                "fields": [
                    "referential",
                    ("year", "end_year"),
                    "kind",
                    "title",
                    "summary",
                    "full_report",
                ],
            },
        ),
        (
            _("2. Le fichier PDF"),
            {
                "fields": [
                    "pdf_upload",
                    "pending_upload",
                    "file_info",
                    "cover_preview",
                    "processing_state",
                ]
            },
        ),
        (
            _("Publication"),
            {"fields": ["status", "published_on", "uploaded_by", "uploaded_at"]},
        ),
        (_("Aperçu de la Fleur"), {"fields": ["fleur_preview"]}),
    ]

    # --- Display ---

    @admin.display(description=_("état"), ordering="status")
    def status_badge(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("fichier actuel"))
    def file_info(self, obj):
        if not obj or not obj.pdf:
            return _("Aucun fichier pour l'instant.")
        details = _("%(name)s — %(pages)s pages, %(size)s (nom d'origine : %(original)s)") % {
            "name": obj.download_filename,
            "pages": obj.page_count or "?",
            "size": format_file_size(obj.pdf_size or 0),
            "original": obj.original_filename or "—",
        }
        if obj.download_url:
            return format_html('<a href="{}">{}</a>', obj.download_url, details)
        return details

    @admin.display(description=_("couverture"))
    def cover_preview(self, obj):
        if not obj or not obj.cover_url:
            return _("Pas encore de couverture.")
        return format_html(
            '<img class="evaluation-admin-cover" src="{}" alt="" width="160">', obj.cover_url
        )

    @admin.display(description=_("couverture et texte"))
    def processing_state(self, obj):
        """Where the PDF's cover and text stand, in words (the flag alone read as a failure)."""
        if not obj or not obj.pdf:
            return _("Calculés après l'envoi du PDF.")
        if not obj.needs_processing:
            return _("Prêts : la couverture s'affiche et le texte est trouvé par la recherche.")
        if not obj.processing_error:
            return _("En préparation : rechargez la page dans un instant.")
        return _(
            "Pas encore calculés (%(error)s). Un nouvel essai est fait chaque nuit ; "
            "si l'erreur revient, envoyez le PDF à nouveau, ou un PDF exporté autrement."
        ) % {"error": obj.processing_error}

    @admin.display(description=_("Fleur de ce rapport"))
    def fleur_preview(self, obj):
        if not obj or not obj.pk:
            return _("La Fleur apparaît quand les scores sont enregistrés.")
        context = fleur_context(obj, uid="apercu", show_table=False)
        if context["fleur"] is None:
            return _("La Fleur apparaît quand les scores sont enregistrés.")
        return format_html(
            '<div class="evaluation-admin-fleur">{}</div>',
            render_to_string("evaluation/includes/fleur.svg", context),
        )

    # --- Forms ---

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            # Adding: only what the officer fills in; the rest appears once saved.
            fields = ["pdf_upload", "pending_upload"]
            return [
                self.fieldsets[0],
                (self.fieldsets[1][0], {"fields": fields}),
                (self.fieldsets[2][0], {"fields": ["published_on"]}),
            ]
        return self.fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # A PDF kept across a form error can be claimed only from this session.
        return type(form.__name__, (form,), {"session": request.session})

    def get_inlines(self, request, obj):
        if obj is None:
            return [i for i in self.inlines if i is not ReportFileHistoryInline]
        return self.inlines

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        referential = referential_for(request, None)
        if referential is not None:
            initial.setdefault("referential", referential.pk)
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, DimensionResultInline):
            # One row per dimension not yet scored, its dimension already chosen.
            kwargs["initial"] = [{"dimension": d.pk} for d in missing_dimensions(request, obj)]
        return kwargs

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        uploaded = form.report_upload()
        if uploaded:
            with uploaded:
                services.report_upload_pdf(report=obj, uploaded_file=uploaded, user=request.user)
            form.upload_stored()
            # The cover and text are derived once the save commits (see the service).
            transaction.on_commit(lambda: self._warn_if_not_derived(request, obj))

    def _warn_if_not_derived(self, request, report):
        report.refresh_from_db(fields=["needs_processing", "processing_error"])
        if report.needs_processing and not report.processing_error:
            messages.info(
                request,
                _(
                    "Le PDF est enregistré. Sa couverture et son texte sont en préparation : "
                    "ils apparaîtront dans un instant."
                ),
            )
        elif report.needs_processing:
            messages.warning(
                request,
                _(
                    "Le PDF est enregistré, mais sa couverture ou son texte n'ont pas pu "
                    "être calculés. Ils seront recalculés automatiquement."
                ),
            )

    # --- Publishing ---

    def has_publish_permission(self, request, obj=None):
        return services.can_publish(request.user)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/publier/",
                self.admin_site.admin_view(self.publish_view),
                name=f"{info}_publish",
            ),
            path(
                "<path:object_id>/depublier/",
                self.admin_site.admin_view(self.unpublish_view),
                name=f"{info}_unpublish",
            ),
            path(
                "<path:object_id>/historique/<int:history_id>/",
                self.admin_site.admin_view(self.history_file_view),
                name=f"{info}_history",
            ),
        ] + super().get_urls()

    def _change_url(self, report):
        return reverse("admin:evaluation_report_change", args=[report.pk])

    def _switch(self, request, object_id, service, success):
        report = self.get_object(request, object_id)
        if report is None:
            raise Http404
        if request.method != "POST":
            return HttpResponseRedirect(self._change_url(report))
        if not self.has_publish_permission(request):
            raise PermissionDenied
        try:
            service(report=report, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, success % {"report": report})
        return HttpResponseRedirect(self._change_url(report))

    def publish_view(self, request, object_id):
        return self._switch(
            request,
            object_id,
            services.report_publish,
            _("« %(report)s » est publié : il est visible sur le site."),
        )

    def unpublish_view(self, request, object_id):
        return self._switch(
            request,
            object_id,
            services.report_unpublish,
            _("« %(report)s » est redevenu un brouillon : il n'est plus visible sur le site."),
        )

    def history_file_view(self, request, object_id, history_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        entry = get_object_or_404(ReportFileHistory, pk=history_id, report_id=object_id)
        try:
            handle = entry.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        return FileResponse(
            handle,
            as_attachment=True,
            filename=entry.original_filename or "ancien-rapport.pdf",
            content_type="application/pdf",
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_publish"] = self.has_publish_permission(request)
        form = context["adminform"].form
        if form.is_bound:  # a sent form shown again: something in it was refused
            form.keep_upload()
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.action(description=_("Publier les rapports choisis"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        done = 0
        for report in queryset:
            try:
                services.report_publish(report=report, user=request.user)
            except ValidationError as error:
                messages.error(request, f"{report} : {' '.join(error.messages)}")
            else:
                done += 1
        if done:
            messages.success(
                request,
                ngettext("%(n)s rapport publié.", "%(n)s rapports publiés.", done) % {"n": done},
            )

    @admin.action(description=_("Repasser en brouillon (dépublier)"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        for report in queryset:
            services.report_unpublish(report=report, user=request.user)
        messages.success(request, _("Les rapports choisis ne sont plus visibles sur le site."))
