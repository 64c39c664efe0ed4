from django.urls import path

from . import feeds, views

app_name = "radio"

urlpatterns = [
    path("", views.EpisodeListView.as_view(), name="list"),
    path("podcast.xml", feeds.PodcastFeed(), name="podcast"),
    path("<slug:slug>/", views.EpisodeDetailView.as_view(), name="detail"),
]
