"""Public pages of the evaluation, and the files of its reports.

Drafts are for staff only: every lookup goes through
`Report.objects.visible_to(user)`, so a draft's page, Fleur, cover and PDF
are all 404 for visitors, whatever URL they guess.
"""

import hashlib

from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.generic import TemplateView

from coop_site.views import ToolbarObjectMixin
from houses import directory
from houses.contact import ContactFormMixin
from houses.forms import ContactForm

from . import fleur as fleur_geometry
from .forms import CompareForm
from .models import (
    EvaluatedAction,
    IndicatorValue,
    Referential,
    Report,
    can_see_drafts,
)


def find_report(request, year, kind=None, *, detailed=False):
    """The report of `year` (the main one, or the one of `kind`) that `request.user` may see."""
    # django CMS resolves apphook URLs without the converters: the year may be a string.
    queryset = Report.objects.visible_to(request.user).filter(year=int(year))
    queryset = queryset.with_results().select_related("full_report")
    if kind:
        queryset = queryset.filter(kind=kind)
    else:
        queryset = queryset.main_first()
    if detailed:
        visible = Report.objects.visible_to(request.user)
        queryset = queryset.prefetch_related(
            Prefetch(
                "evaluated_actions",
                queryset=EvaluatedAction.objects.select_related("house", "action")
                .prefetch_related("dimensions")
                .order_by("scope", "house__order", "order", "title"),
            ),
            Prefetch(
                "indicator_values",
                queryset=IndicatorValue.objects.select_related("indicator__dimension"),
            ),
            Prefetch("syntheses", queryset=visible),
        )
    report = queryset.first()
    if report is None:
        raise Http404(_("Aucun rapport pour cette année."))
    return report


class ReportMixin:
    detailed = False

    def get_report(self):
        return find_report(
            self.request, self.kwargs["year"], self.kwargs.get("kind"), detailed=self.detailed
        )


class IndexView(TemplateView):
    template_name = "evaluation/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = list(Report.objects.published().with_results().newest_first())
        current = next((r for r in reports if r.results.all()), None)
        referential = current.referential if current else Referential.objects.first()
        dimensions = list(referential.dimensions.all()) if referential else []
        context.update(
            reports=reports,
            current=current,
            referential=referential,
            dimensions=dimensions,
            compare_form=CompareForm(years=years_with_results(reports)),
        )
        return context


def years_with_results(reports):
    """[(year, period label)] of the years whose main report has scores, newest first."""
    seen, years = set(), []
    for report in reports:
        if report.year not in seen and report.results.all():
            seen.add(report.year)
            years.append((report.year, report.period_label))
    return years


class ReportDetailView(ReportMixin, ToolbarObjectMixin, TemplateView):
    template_name = "evaluation/report_detail.html"
    detailed = True

    def get_context_data(self, **kwargs):
        # The toolbar's object, for its "Évaluation" menu.
        self.object = report = self.get_report()
        context = super().get_context_data(**kwargs)
        can_contact = contact_ready()
        actions = list(report.evaluated_actions.all())
        houses = {}
        for action in actions:
            if action.scope == EvaluatedAction.Scope.HOUSE:
                houses.setdefault(action.house, []).append(action)
        other_years = [
            (year, label)
            for year, label in years_with_results(
                Report.objects.published().with_results().newest_first()
            )
            if year != report.year
        ]
        context.update(
            report=report,
            results=list(report.results.all()),
            cooperation_actions=[
                a for a in actions if a.scope == EvaluatedAction.Scope.COOPERATION
            ],
            house_actions=list(houses.items()),
            indicator_values=list(report.indicator_values.all()),
            syntheses=list(report.syntheses.all()),
            full_report=self._visible_full_report(report),
            other_years=other_years if report.results.all() else [],
            contact_form=contact_form(initial={"subject": report.title}) if can_contact else None,
            contact_available=can_contact,
        )
        return context

    def _visible_full_report(self, report):
        full = report.full_report
        if full is None or not (full.is_published or can_see_drafts(self.request.user)):
            return None
        return full


class PeriodRedirectView(View):
    """/evaluation/2017-2018/ is the 2017 report's page."""

    def get(self, request, year, end_year):
        report = find_report(request, year)
        if report.end_year != int(end_year):
            raise Http404(_("Aucun rapport pour cette période."))
        return redirect(report.get_absolute_url(), permanent=True)


class FleurSvgView(ReportMixin, View):
    """The Fleur as a standalone SVG file, for partners to reuse."""

    def get(self, request, year, kind=None):
        report = self.get_report()
        context = fleur_geometry.fleur_context(report, uid="fleur", standalone=True)
        if context["fleur"] is None:
            raise Http404(_("Ce rapport n'a pas de scores par dimension."))
        svg = render_to_string("evaluation/includes/fleur.svg", context)
        response = HttpResponse(svg.strip(), content_type="image/svg+xml; charset=utf-8")
        filename = f"fleur-utilite-sociale-{report.period_label}.svg"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return private_if_draft(response, report)


def private_if_draft(response, report):
    if not report.is_published:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


class ReportFileView(ReportMixin, View):
    """One of a report's private files, answered only to whoever may see the report."""

    field = None  # "pdf" or "cover"
    missing_message = ""  # the report has no such file
    lost_message = ""  # the file is recorded but gone from the storage

    cache_seconds = 0  # > 0: a published report's file is cacheable, with an ETag

    def get(self, request, year, kind):
        report = self.get_report()
        stored = getattr(report, self.field)
        if not stored:
            raise Http404(self.missing_message)
        etag = self.etag(report, stored) if self.cache_seconds and report.is_published else None
        if etag:
            not_modified = get_conditional_response(request, etag=etag)
            if not_modified is not None:
                return self.cacheable(not_modified, etag)
        try:
            handle = stored.open("rb")
        except FileNotFoundError as error:
            raise Http404(self.lost_message) from error
        response = self.file_response(handle, report)
        if etag:
            return self.cacheable(response, etag)
        return private_if_draft(response, report)

    def etag(self, report, stored):
        # The stored name changes with the file; updated_at with anything else saved.
        key = f"{stored.name}|{report.updated_at.isoformat() if report.updated_at else ''}"
        return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'

    def cacheable(self, response, etag):
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={self.cache_seconds}"
        return response

    def file_response(self, handle, report):
        raise NotImplementedError


class DownloadView(ReportFileView):
    field = "pdf"
    missing_message = _lazy("Ce rapport n'a pas encore de fichier PDF.")
    lost_message = _lazy("Le fichier de ce rapport est introuvable.")

    def file_response(self, handle, report):
        return FileResponse(
            handle,
            as_attachment=True,
            filename=report.download_filename,
            content_type="application/pdf",
        )


class CoverView(ReportFileView):
    field = "cover"
    missing_message = _lazy("Ce rapport n'a pas de couverture.")
    lost_message = _lazy("La couverture de ce rapport est introuvable.")
    cache_seconds = 24 * 3600  # shown on list pages: a revisit gets 304

    def file_response(self, handle, report):
        return FileResponse(handle, content_type="image/webp")


class CompareView(TemplateView):
    """/evaluation/comparer/?a=2017&b=2019: two Fleurs overlaid, and the differences."""

    template_name = "evaluation/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = list(Report.objects.visible_to(self.request.user).with_results().newest_first())
        years = years_with_results(reports)
        form = CompareForm(self.request.GET or None, years=years)
        context.update(form=form, years=years)
        if not self.request.GET:
            return context
        if not form.is_valid():
            # A year that is not a number, or has no report: nothing to compare.
            raise Http404(_("Ces années ne peuvent pas être comparées."))
        by_year = {}
        for report in reports:
            by_year.setdefault(report.year, report)
        report_a = by_year[form.cleaned_data["a"]]
        report_b = by_year[form.cleaned_data["b"]]
        if report_a.year > report_b.year:
            report_a, report_b = report_b, report_a
        comparison = fleur_geometry.compare(
            report_a, list(report_a.results.all()), report_b, list(report_b.results.all())
        )
        context.update(report_a=report_a, report_b=report_b, comparison=comparison)
        return context


# --- Contact with the evaluation officer -----------------------------------------


def contact_form(*args, **kwargs):
    """The houses' contact form (saved, then e-mailed to the Coopération)."""
    return ContactForm(*args, **kwargs)


def contact_ready():
    """Messages go to the Coopération: without it, there is no one to write to."""
    return directory.cooperation() is not None


class ContactView(ContactFormMixin, TemplateView):
    """Write to the evaluation officer: the message goes to the Coopération, topic "évaluation"."""

    template_name = "evaluation/contact.html"
    topic = "évaluation"

    def dispatch(self, request, *args, **kwargs):
        if not contact_ready():
            raise Http404(_("Le formulaire de contact n'est pas encore disponible."))
        return super().dispatch(request, *args, **kwargs)

    def get_contact_house(self):
        return directory.cooperation()

    def get_contact_initial(self):
        return {"subject": self.request.GET.get("objet", "")[:160]}
