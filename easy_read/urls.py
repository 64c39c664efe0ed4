from django.urls import path

from . import views

app_name = "easy_read"

urlpatterns = [
    path("<slug:slug>/", views.EasyReadDetailView.as_view(), name="detail"),
]
