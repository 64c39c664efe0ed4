from django.urls import path

from .. import views

app_name = "common_base"

urlpatterns = [
    path("", views.CommonBaseView.as_view(), name="index"),
]
