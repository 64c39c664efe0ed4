from django.contrib import admin

from .models import Action, House


@admin.register(House)
class HouseAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "neighbourhood", "is_priority_area", "order"]
    list_filter = ["kind", "is_priority_area"]
    search_fields = ["name", "short_name", "neighbourhood"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "first_year", "last_year", "theme"]
    list_filter = ["first_year", "theme", "houses"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["houses"]
