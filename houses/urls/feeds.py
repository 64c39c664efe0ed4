"""The site-wide iCalendar feed, at a fixed address outside the CMS page tree."""

from django.urls import path

from .. import views

app_name = "feeds"

urlpatterns = [
    path("agenda.ics", views.AgendaFeedView.as_view(), name="agenda"),
]
