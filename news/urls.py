from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("flux/rss/", feeds.LatestNewsFeed(), name="feed"),
    path("flux/atom/", feeds.LatestNewsAtomFeed(), name="feed-atom"),
    path("<int:pk>/publier/", views.NewsPublishView.as_view(), name="publish"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
