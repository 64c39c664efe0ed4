from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .models import Charter
from .selectors import (
    charter_sections,
    progress_dashboard,
    progress_years,
    sections_for_theme,
    themes_in_use,
)


class CharterMixin:
    """The charter a page shows: the one in force unless a version is asked for."""

    def get_charter(self):
        charter = Charter.objects.current()
        if charter is None:
            raise Http404(_("Aucune charte n'est en vigueur."))
        return charter

    def get(self, request, *args, **kwargs):
        self.charter = self.get_charter()
        self.status = 200
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=self.status)


class CharterDetailView(CharterMixin, TemplateView):
    template_name = "charter/charter_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = charter_sections(self.charter)
        themes = themes_in_use(sections)
        slug = self.request.GET.get("theme", "").strip()
        theme = next((theme for theme in themes if theme.slug == slug), None)
        if slug and theme is None:
            # An old or mistyped link: say so, and offer the real themes.
            self.status = 404
            context["theme_error"] = _(
                "Le thème « %(slug)s » n'existe pas dans cette charte. "
                "Choisissez un des thèmes ci-dessous."
            ) % {"slug": slug}
            sections = []
        elif theme is not None:
            sections = sections_for_theme(sections, theme)
        context.update(
            charter=self.charter,
            sections=sections,
            themes=themes,
            theme=theme,
            shown_count=sum(len(s.shown_commitments) for s in sections),
            other_versions=Charter.objects.exclude(pk=self.charter.pk).order_by("-version"),
        )
        return context


class CharterVersionView(CharterDetailView):
    """Any version, current or not, at an address that never changes."""

    def get_charter(self):
        return get_object_or_404(Charter, version=self.kwargs["version"])


class ProgressDashboardView(CharterMixin, TemplateView):
    template_name = "charter/progress_dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = progress_years(self.charter)
        raw = self.request.GET.get("annee", "").strip()
        year = None
        if raw:
            year = int(raw) if raw.isdigit() and len(raw) <= 4 else None
            if year not in years:
                self.status = 404
                context.update(
                    charter=self.charter,
                    years=years,
                    year_error=_(
                        "Aucun avancement n'est enregistré pour « %(year)s ». "
                        "Choisissez une année dans la liste."
                    )
                    % {"year": raw},
                )
                return context
        dashboard = progress_dashboard(charter=self.charter, year=year, years=years)
        context.update(charter=self.charter, years=years, dashboard=dashboard)
        return context
