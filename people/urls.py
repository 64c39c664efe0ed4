from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("", views.CooperationPeopleView.as_view(), name="index"),
]
