from django.contrib import admin

from .models import SearchEntry


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin):
    """Read only: what the search finds, for checking; the index is written by the site."""

    list_display = ["title", "kind", "date", "indexed_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    fields = ["kind", "title", "url", "date", "visible_from", "body", "indexed_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
