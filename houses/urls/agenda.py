from django.urls import path

from .. import views

app_name = "agenda"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    # Before the events' slugs, which would take "semaine".
    path("semaine/", views.AgendaWeekView.as_view(), name="week"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>.ics", views.EventIcsView.as_view(), name="ics"),
]
