from django.contrib import admin
from django.urls import path

from . import views

app_name = "content_checks"

urlpatterns = [
    path("", admin.site.admin_view(views.site_report_view), name="site_report"),
]
