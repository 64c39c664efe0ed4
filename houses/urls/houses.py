from django.urls import path

from .. import views

app_name = "houses"

urlpatterns = [
    path("", views.HouseListView.as_view(), name="list"),
    path("actions/<slug:slug>/", views.ActionDetailView.as_view(), name="action"),
    path("<slug:slug>/", views.HouseDetailView.as_view(), name="detail"),
    path("<slug:slug>/contact/", views.ContactView.as_view(), name="contact"),
    path("<slug:slug>/agenda.ics", views.HouseFeedView.as_view(), name="feed"),
]
