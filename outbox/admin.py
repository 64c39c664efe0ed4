from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import OutgoingEmail
from .services import send_again


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """What the site has sent, or still tries to send: for administrators.

    An e-mail « En attente » with an error is waiting for the mail server; one
    « Abandonné » was tried for about two days and is sent again on request.
    """

    list_display = ["subject", "to", "status", "attempts", "next_attempt_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    actions = ["send_again_now"]
    readonly_fields = [
        "to",
        "subject",
        "body",
        "reply_to",
        "headers",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
        "content_type",
        "object_id",
    ]

    def has_add_permission(self, request):
        return False  # written by the site only

    def has_change_permission(self, request, obj=None):
        return False  # read-only: the action sends again

    @admin.action(description=_("Renvoyer maintenant"), permissions=["view"])
    def send_again_now(self, request, queryset):
        count = send_again(emails=list(queryset))
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail sera renvoyé dans un instant.",
                "%(count)d e-mails seront renvoyés dans un instant.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
