from django.urls import path

from . import views

app_name = "membership"

urlpatterns = [
    path("", views.JoinView.as_view(), name="join"),
]
