from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from coop_site.formatting import format_file_size

from .models import Document
from .services import document_read_file_facts_after_commit


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "kind", "is_published", "published_on", "file_size"]
    list_filter = ["is_published", "kind", "year", "houses", "is_sample"]
    search_fields = ["title", "description", "file__original_filename"]
    date_hierarchy = "published_on"
    filter_horizontal = ["houses"]
    readonly_fields = ["page_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "description", "file", "kind"]}),
        (_("Classement"), {"fields": ["year", "houses", "published_on"]}),
        (_("Publication"), {"fields": ["is_published", "is_sample"]}),
        (_("Lu dans le fichier"), {"fields": ["page_count", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("file")

    @admin.display(description=_("taille"))
    def file_size(self, obj):
        return format_file_size(obj.size)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "file" in form.changed_data:
            document_read_file_facts_after_commit(document=obj)
