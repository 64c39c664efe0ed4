from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from coop_site.formatting import format_file_size

from .models import ContentsEntry, Issue
from .services import issue_derive_after_commit


class ContentsEntryInline(admin.TabularInline):
    model = ContentsEntry
    extra = 3
    fields = ["title", "page"]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["__str__", "published_on", "is_published", "page_count", "file_size"]
    list_filter = ["is_published", "is_sample"]
    search_fields = ["title", "contents__title"]
    date_hierarchy = "published_on"
    inlines = [ContentsEntryInline]
    readonly_fields = ["cover_preview", "page_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["number", "title", "published_on", "pdf"]}),
        (_("Publication"), {"fields": ["is_published", "is_sample"]}),
        (
            _("Lu dans le fichier"),
            {"fields": ["cover_preview", "page_count", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("pdf")

    @admin.display(description=_("taille"))
    def file_size(self, obj):
        return format_file_size(obj.size)

    @admin.display(description=_("couverture"))
    def cover_preview(self, obj):
        if obj.cover:
            return format_html(
                '<img src="{}" alt="" width="160" height="{}">',
                obj.cover.url,
                round(160 * (obj.cover_height or 1) / (obj.cover_width or 1)),
            )
        if obj.needs_processing:
            return _("La couverture n'a pas pu être tirée du PDF : enregistrez à nouveau.")
        return _("Tirée de la première page du PDF à l'enregistrement.")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "pdf" in form.changed_data or not obj.cover:
            issue_derive_after_commit(issue=obj)
