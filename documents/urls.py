from django.urls import path

from .views import LibraryView

app_name = "documents"

urlpatterns = [
    path("", LibraryView.as_view(), name="library"),
]
