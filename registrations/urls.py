"""The visitors' requests for a place, at a fixed address (coop_site.urls): /inscriptions/."""

from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("<str:kind>/<slug:slug>/", views.RequestView.as_view(), name="request"),
    path("<str:token>/", views.RegistrationView.as_view(), name="detail"),
]
