"""The associations' directory, hooked to a CMS page (associations.cms_apps)."""

from django.urls import path

from . import views

app_name = "associations"

urlpatterns = [
    path("", views.AssociationListView.as_view(), name="list"),
    path("<slug:slug>/", views.AssociationDetailView.as_view(), name="detail"),
]
