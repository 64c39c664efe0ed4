from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from coop_site.apphooks import reverse_or_empty

from . import services

POPULAR_LINKS = [
    (_("Les maisons de quartier"), "houses:list"),
    (_("Les activités"), "activities:list"),
    (_("L'agenda"), "agenda:list"),
    (_("Les rapports d'évaluation"), "evaluation:index"),
]


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = services.search(
            self.request.GET.get("q", ""),
            kind=self.request.GET.get("type") or None,
            page=self.request.GET.get("page") or 1,
        )
        page = results.page
        links = [(label, reverse_or_empty(name)) for label, name in POPULAR_LINKS]
        context.update(
            results=results,
            query=results.query,
            page_obj=page,
            paginator=page.paginator if page else None,
            is_paginated=bool(page and page.paginator.num_pages > 1),
            search_query=results.query,
            popular_links=[(label, url) for label, url in links if url],
        )
        return context
