from django.urls import path

from .. import views

app_name = "agenda"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>.ics", views.EventIcsView.as_view(), name="ics"),
]
