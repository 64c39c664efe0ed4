from cms.toolbar.utils import get_object_edit_url
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from search.indexing import refresh_objects

from .forms import NewsItemAdminForm
from .models import Category, NewsItem
from .services import news_changed, news_publication_warnings, news_publish


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "published_on", "status", "category", "houses_list"]
    list_filter = ["status", "category", "houses", "published_on"]
    search_fields = ["title", "teaser"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["houses"]
    readonly_fields = ["body_links"]
    actions = ["publish", "unpublish"]
    form = NewsItemAdminForm
    fieldsets = [
        (None, {"fields": ["title", "slug", "published_on", "status"]}),
        (_("Présentation"), {"fields": ["teaser", "image", "alt_text", "is_decorative"]}),
        (_("Classement"), {"fields": ["category", "houses"]}),
        (_("Corps de l'actualité"), {"fields": ["body_links"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("category").prefetch_related("houses")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        news_changed()
        if "status" in form.changed_data and obj.status == NewsItem.Status.PUBLISHED:
            self.tell_warnings(request, obj)

    def tell_warnings(self, request, item):
        """After publishing from the list or the form: the checks' warnings, with the way to
        fix them (the toolbar's « Publier » asks before publishing instead)."""
        warnings = news_publication_warnings(item)
        if warnings:
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("« %(title)s » est publiée ; le contrôle signale : %(warnings)s")
                    % {"title": item.title, "warnings": " ".join(warnings)},
                    get_object_edit_url(item),
                    _("Corriger en mode édition"),
                ),
                messages.WARNING,
            )

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        news_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        news_changed()

    @admin.display(description=_("maisons"))
    def houses_list(self, obj):
        return ", ".join(house.short_name for house in obj.houses.all())

    @admin.display(description=_("texte, images et galeries"))
    def body_links(self, obj):
        if not obj.pk:
            return _("Enregistrez d'abord l'actualité, puis rédigez son corps en mode édition.")
        return format_html(
            '<a class="button" href="{}">{}</a> <a href="{}">{}</a>',
            get_object_edit_url(obj),
            _("Rédiger le corps en mode édition"),
            obj.get_absolute_url(),
            _("Aperçu à l'adresse publique"),
        )

    @admin.action(description=_("Publier les actualités choisies"), permissions=["change"])
    def publish(self, request, queryset):
        items = list(queryset)
        refused = news_publish(items=items)
        for item, errors in refused.items():
            self.message_user(
                request,
                _("« %(title)s » reste en brouillon : %(errors)s")
                % {"title": item.title, "errors": " ".join(errors)},
                messages.ERROR,
            )
        for item in items:
            if item not in refused:
                self.tell_warnings(request, item)
        count = len(items) - len(refused)
        if count:
            self.message_user(
                request,
                ngettext("%d actualité publiée.", "%d actualités publiées.", count) % count,
                messages.SUCCESS,
            )

    @admin.action(description=_("Repasser en brouillon"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=NewsItem.Status.DRAFT)
        refresh_objects(queryset)  # update() sends no signal: the drafts leave the search
        news_changed()
        self.message_user(
            request,
            ngettext("%d actualité en brouillon.", "%d actualités en brouillon.", count) % count,
            messages.SUCCESS,
        )
