from django.views.generic import DetailView, ListView

from coop_site.lists import FilteredListMixin
from coop_site.relay import RelayFormMixin

from .forms import AssociationFilterForm, AssociationRelayForm, RoomFilterForm, RoomRequestForm
from .models import Association, Room
from .services import association_message_submit, room_request_submit


class AssociationListView(FilteredListMixin, ListView):
    """/associations/: the associations the houses host, by house and field."""

    template_name = "associations/association_list.html"
    context_object_name = "associations"
    paginate_by = 24
    filter_form_class = AssociationFilterForm

    def get_unfiltered_queryset(self):
        return Association.objects.for_cards()

    def get_queryset(self):
        return super().get_queryset().order_by("name", "pk")


class AssociationDetailView(RelayFormMixin, DetailView):
    """An association: what it offers, its house, and a form to write to it (its e-mail hidden)."""

    template_name = "associations/association_detail.html"
    context_object_name = "association"
    queryset = Association.objects.for_cards()
    form_class = AssociationRelayForm
    success_fragment = "#ecrire"

    def get_relay_initial(self):
        return {"subject": ""}

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def submit(self, form):
        association_message_submit(
            association=self.object, data=form.cleaned_data, request=self.request
        )


class RoomListView(FilteredListMixin, ListView):
    """/salles/: the rooms the houses lend or hire, by house and size."""

    template_name = "associations/room_list.html"
    context_object_name = "rooms"
    paginate_by = 24
    filter_form_class = RoomFilterForm

    def get_unfiltered_queryset(self):
        return Room.objects.for_cards()

    def get_queryset(self):
        return super().get_queryset().order_by("house__order", "house__name", "order", "name")


class RoomDetailView(RelayFormMixin, DetailView):
    """A room: capacity, equipment, access, conditions, and its request form."""

    template_name = "associations/room_detail.html"
    context_object_name = "room"
    form_class = RoomRequestForm
    form_context_name = "request_form"
    success_fragment = "#demande"

    def get_queryset(self):
        return Room.objects.for_cards().filter(house__slug=self.kwargs["house"])

    def get_relay_form(self, data=None):
        return RoomRequestForm(data, room=self.object)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def submit(self, form):
        room_request_submit(form=form, request=self.request)
