from django.urls import path

from . import views

app_name = "charter"

urlpatterns = [
    path("", views.CharterDetailView.as_view(), name="detail"),
    path("avancement/", views.ProgressDashboardView.as_view(), name="progress"),
    path("version/<int:version>/", views.CharterVersionView.as_view(), name="version"),
]
