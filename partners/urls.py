"""The « Partenaires » page, hooked to a CMS page (partners.cms_apps)."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.PartnerListView.as_view(), name="list"),
]
