from django.views.generic import ListView

from coop_site.lists import FilteredListMixin

from .forms import LibraryFilterForm
from .library import source_entries
from .services import library_years

PAGE_SIZE = 12


class LibraryView(FilteredListMixin, ListView):
    """Every public document and published evaluation report, filterable without JavaScript."""

    template_name = "documents/library.html"
    context_object_name = "entries"
    paginate_by = PAGE_SIZE
    filter_form_class = LibraryFilterForm

    def get_filter_form_kwargs(self):
        self.source_entries = source_entries()  # the published reports, read once
        return {"years": library_years(source_entries=self.source_entries)}

    def get_unfiltered_queryset(self):
        return self.source_entries

    def paginate_queryset(self, queryset, page_size):
        # A page number out of range shows the nearest page rather than a 404.
        page = self.get_paginator(queryset, page_size).get_page(self.request.GET.get("page"))
        return page.paginator, page, page.object_list, page.has_other_pages()
