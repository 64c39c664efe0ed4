from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coop_site.formatting import format_duration

from .models import Episode
from .services import episode_publish, episode_unpublish


@admin.register(Episode)
class EpisodeAdmin(admin.ModelAdmin):
    list_display = ["title", "published_on", "status", "duration_display", "houses_list"]
    list_filter = ["status", "houses", "published_on", "is_sample"]
    search_fields = ["title", "guests", "description", "transcript"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["houses"]
    readonly_fields = ["duration_display", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "published_on", "status"]}),
        (_("L'émission"), {"fields": ["description", "guests", "houses"]}),
        (_("Le son et ses mots"), {"fields": ["audio", "duration_display", "transcript"]}),
        (_("Démonstration"), {"fields": ["is_sample", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("houses")

    @admin.display(description=_("durée"))
    def duration_display(self, obj):
        return format_duration(obj.duration) or _("lue dans le fichier à l'enregistrement")

    @admin.display(description=_("maisons"))
    def houses_list(self, obj):
        return ", ".join(house.short_name for house in obj.houses.all())

    @admin.action(description=_("Publier les émissions choisies"), permissions=["change"])
    def publish(self, request, queryset):
        episodes = list(queryset.select_related("audio"))
        refused = episode_publish(episodes=episodes)
        for episode, errors in refused.items():
            self.message_user(
                request,
                _("« %(title)s » reste en brouillon : %(errors)s")
                % {"title": episode.title, "errors": " ".join(errors)},
                messages.ERROR,
            )
        count = len(episodes) - len(refused)
        if count:
            self.message_user(
                request,
                ngettext("%d émission publiée.", "%d émissions publiées.", count) % count,
                messages.SUCCESS,
            )

    @admin.action(description=_("Repasser en brouillon"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = episode_unpublish(episodes=queryset)
        self.message_user(
            request,
            ngettext("%d émission en brouillon.", "%d émissions en brouillon.", count) % count,
            messages.SUCCESS,
        )
