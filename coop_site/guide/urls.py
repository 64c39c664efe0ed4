from django.contrib import admin
from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    path("", admin.site.admin_view(views.index_view), name="index"),
    path("images/<str:name>", admin.site.admin_view(views.image_view), name="image"),
    path("<slug:slug>/", admin.site.admin_view(views.chapter_view), name="chapter"),
]
