from cms.toolbar.utils import get_toolbar_from_request
from django.views.generic import DetailView, ListView

from .forms import NewsFilterForm
from .models import NewsItem


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("news.change_newsitem")


class NewsListView(ListView):
    template_name = "news/newsitem_list.html"
    context_object_name = "items"
    paginate_by = 10

    def get_queryset(self):
        self.filter_form = NewsFilterForm(self.request.GET or None)
        queryset = NewsItem.objects.published().for_cards()
        return self.filter_form.filter(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        # Pagination links keep the filters.
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context


class NewsDetailView(DetailView):
    template_name = "news/newsitem_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        queryset = NewsItem.objects.for_cards()
        if can_preview(self.request.user):
            # Staff preview drafts at their public address.
            return queryset
        return queryset.published()

    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        # Lets the CMS toolbar offer "Modifier" for the item's body.
        get_toolbar_from_request(self.request).set_object(item)
        return item
