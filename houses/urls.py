from django.urls import path

from . import views

app_name = "houses"

urlpatterns = [
    path("", views.HouseListView.as_view(), name="list"),
    path("<slug:slug>/", views.HouseDetailView.as_view(), name="detail"),
]
