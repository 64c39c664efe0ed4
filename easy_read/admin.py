from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from houses.admin import SampleFlagMixin
from houses.models import House
from houses.permissions import HouseScopedAdminMixin, manages_all_houses, without_fields

from .models import EasyReadLine, EasyReadVersion


class EasyReadLineInline(admin.TabularInline):
    model = EasyReadLine
    extra = 3
    fields = ["order", "is_heading", "pictogram", "text"]


@admin.register(EasyReadVersion)
class EasyReadVersionAdmin(SampleFlagMixin, HouseScopedAdminMixin, admin.ModelAdmin):
    """Editors write any page's version; a house's team, its own house page's only."""

    list_display = ["title", "house", "page", "is_published", "sample_flag"]
    list_filter = ["is_published", "house", "is_sample"]
    search_fields = ["title", "lines__text"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["house", "page"]
    inlines = [EasyReadLineInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "is_sample"]}),
        (
            _("La page que cette version rend facile à lire"),
            {
                "fields": ["house", "page"],
                "description": _(
                    "Une seule : la page d'une maison, ou une page du site. Elle affiche en haut "
                    "un lien « Facile à lire » dès que cette version est publiée."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        user = request.user
        if manages_all_houses(user):
            return queryset
        mine = Q(house__in=House.objects.managed_by(user))
        if _edits_pages(user):
            mine |= Q(house__isnull=True)
        return queryset.filter(mine)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = set()
        if not _edits_pages(request.user):
            hidden.add("page")  # a house's team: its house page's version only
        if (
            not manages_all_houses(request.user)
            and not House.objects.managed_by(request.user).exists()
        ):
            hidden.add("house")  # an editor of no house: the site's pages
        return without_fields(fieldsets, hidden) if hidden else fieldsets


def _edits_pages(user):
    """Editors and administrators write the site's pages' versions; teams, their house's."""
    return user.has_perm("cms.change_page")
