from django.views.generic import DetailView, ListView

from .models import House


class HouseQuerysetMixin:
    def get_queryset(self):
        return House.objects.neighbourhood_houses().select_related("photo", "logo")


class HouseListView(HouseQuerysetMixin, ListView):
    template_name = "houses/house_list.html"
    context_object_name = "houses"


class HouseDetailView(HouseQuerysetMixin, DetailView):
    template_name = "houses/house_detail.html"
    context_object_name = "house"
