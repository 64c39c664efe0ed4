from django.views.generic import ListView

from coop_site.lists import FilteredListMixin

from .forms import LibraryFilterForm
from .models import Document
from .services import library_page_entries, library_years

PAGE_SIZE = 12


class LibraryView(FilteredListMixin, ListView):
    """Every public document and published evaluation report, filterable without JavaScript.

    The database orders, counts and slices the list; only the page's items are read.
    """

    template_name = "documents/library.html"
    context_object_name = "entries"
    paginate_by = PAGE_SIZE
    filter_form_class = LibraryFilterForm

    def get_filter_form_kwargs(self):
        return {"years": library_years()}

    def get_unfiltered_queryset(self):
        return Document.objects.published()

    def paginate_queryset(self, queryset, page_size):
        # A page number out of range shows the nearest page rather than a 404.
        page = self.get_paginator(queryset, page_size).get_page(self.request.GET.get("page"))
        page.object_list = library_page_entries(page.object_list)
        return page.paginator, page, page.object_list, page.has_other_pages()
