from cms.toolbar.utils import get_object_preview_url
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from coop_site.formatting import french_date
from coop_site.lists import FilteredListMixin
from coop_site.views import ToolbarObjectMixin

from .forms import NewsFilterForm
from .models import NewsItem
from .publishing import review_response
from .services import news_publish


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("news.change_newsitem")


class NewsListView(FilteredListMixin, ListView):
    template_name = "news/newsitem_list.html"
    context_object_name = "items"
    paginate_by = 10
    filter_form_class = NewsFilterForm

    def get_unfiltered_queryset(self):
        return NewsItem.objects.published().for_cards()


class NewsDetailView(ToolbarObjectMixin, DetailView):
    template_name = "news/newsitem_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        queryset = NewsItem.objects.for_cards()
        if can_preview(self.request.user):
            # Staff preview drafts at their public address.
            return queryset
        return queryset.published()


class NewsPublishView(UserPassesTestMixin, View):
    """The toolbar's « Publier »: one click publishes the item the editor is on."""

    http_method_names = ["post"]
    raise_exception = True  # a 403, never a login loop inside the CMS frame

    def test_func(self):
        return can_preview(self.request.user)

    def post(self, request, pk):
        item = get_object_or_404(NewsItem, pk=pk)
        if item.status != NewsItem.Status.PUBLISHED:
            # A page listing what to fix or accept first (content_checks), if any.
            response = review_response(request, item)
            if response is not None:
                return response
        refused = news_publish(items=[item])
        if refused:
            for error in refused[item]:
                messages.error(request, error)
            return redirect(get_object_preview_url(item))
        if item.published_on > timezone.localdate():
            message = _("« %(title)s » est publiée : le public la verra à partir du %(date)s.")
        else:
            message = _("« %(title)s » est publiée : le public la voit désormais.")
        messages.success(
            request,
            message % {"title": item.title, "date": french_date(item.published_on)},
        )
        return redirect(item.get_absolute_url() or get_object_preview_url(item))
