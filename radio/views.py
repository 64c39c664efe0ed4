from django.views.generic import DetailView, ListView

from coop_site.lists import FilteredListMixin

from .forms import EpisodeFilterForm
from .models import Episode


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("radio.change_episode")


class EpisodeListView(FilteredListMixin, ListView):
    template_name = "radio/episode_list.html"
    context_object_name = "episodes"
    paginate_by = 10
    filter_form_class = EpisodeFilterForm

    def get_unfiltered_queryset(self):
        return Episode.objects.published().for_cards()


class EpisodeDetailView(DetailView):
    template_name = "radio/episode_detail.html"
    context_object_name = "episode"

    def get_queryset(self):
        queryset = Episode.objects.for_cards()
        if can_preview(self.request.user):
            # Staff preview drafts at their public address.
            return queryset
        return queryset.published()
