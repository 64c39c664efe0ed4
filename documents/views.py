from django.core.paginator import Paginator
from django.views.generic import TemplateView

from .forms import LibraryFilterForm
from .services import library_entries, library_years, published_reports

PAGE_SIZE = 12


class LibraryView(TemplateView):
    """Every public document and published evaluation report, filterable without JavaScript."""

    template_name = "documents/library.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = published_reports()
        form = LibraryFilterForm(self.request.GET or None, years=library_years(reports=reports))
        filters = form.filters() if form.is_bound else {}
        entries = library_entries(
            reports=reports,
            year=filters.get("year"),
            kind=filters.get("kind") or "",
            house=filters.get("house"),
        )
        page = Paginator(entries, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "form": form,
                "page_obj": page,
                "entries": page.object_list,
                "total": len(entries),
                "filtered": any(filters.values()),
                "query": query.urlencode(),
            }
        )
        return context
