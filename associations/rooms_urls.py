"""The rooms' pages, hooked to a CMS page (associations.cms_apps.RoomsApphook)."""

from django.urls import path

from . import views

app_name = "rooms"

urlpatterns = [
    path("", views.RoomListView.as_view(), name="list"),
    path("<slug:house>/<slug:slug>/", views.RoomDetailView.as_view(), name="detail"),
]
