"""Staff: each house's subscribers, a preview of its next digest, its one-off messages.

Scoped per house (houses.permissions.HouseScopedAdminMixin): a house's team
sees its own house's subscriptions and messages only; another house's
answer 403. A subscription comes from its owner's confirmation only: the
team reads it, or deletes it (a person who asked by phone to stop).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from houses.models import House
from houses.permissions import HouseScopedAdminMixin

from . import services
from .models import HouseMessage, Subscriber, Subscription

PREVIEW_ADDRESS = "abonne@exemple.fr"


@admin.register(Subscription)
class SubscriptionAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "house"
    list_display = ["email", "house", "state", "created_at", "last_digest_at"]
    list_filter = ["house"]
    search_fields = ["subscriber__email"]
    list_select_related = ["house", "subscriber"]
    fields = [
        "email",
        "house",
        "state",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_at",
    ]
    readonly_fields = fields
    change_list_template = "subscriptions/admin/subscription_change_list.html"

    @admin.display(description=_("e-mail"), ordering="subscriber__email")
    def email(self, obj):
        return obj.subscriber.email

    @admin.display(description=_("état"))
    def state(self, obj):
        if obj.is_active:
            return _("Reçoit les lettres")
        if obj.confirmed_at is None or obj.subscriber.confirmed_at is None:
            return _("En attente de confirmation (ne reçoit rien)")
        return _("Désabonné·e")

    def has_add_permission(self, request):
        # Only the owner of the address subscribes, by the link of the confirmation e-mail.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "apercu/<int:house_pk>/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{info}_preview",
            ),
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        houses = House.objects.managed_by(request.user)
        extra_context = {
            **(extra_context or {}),
            "digest_houses": [
                (house, services.house_subscriber_count(house))
                for house in houses.order_by("order", "name")
            ],
        }
        return super().changelist_view(request, extra_context)

    def preview_view(self, request, house_pk):
        """What the house's next weekly digest would tell a subscriber who had the last one."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        house = get_object_or_404(House, pk=house_pk)
        if not House.objects.managed_by(request.user).filter(pk=house.pk).exists():
            raise PermissionDenied
        content = services.DigestContent(timezone.now())
        digest = content.preview(house)
        subject, body, _headers = services.digest_email(Subscriber(email=PREVIEW_ADDRESS), [digest])
        return TemplateResponse(
            request,
            "subscriptions/admin/digest_preview.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Aperçu de la prochaine lettre : %(house)s") % {"house": house.name},
                "house": house,
                "digest": digest,
                "subject": subject,
                "body": body,
                "subscriber_count": services.house_subscriber_count(house),
            },
        )


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Every address, all houses together: administrators only (roles.py)."""

    list_display = ["email", "created_at", "confirmed_at", "unsubscribed_at", "last_digest_at"]
    list_filter = ["confirmed_at", "unsubscribed_at"]
    search_fields = ["email"]
    fields = ["email", "created_at", "confirmed_at", "unsubscribed_at", "last_digest_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(HouseMessage)
class HouseMessageAdmin(HouseScopedAdminMixin, admin.ModelAdmin):
    house_lookup = "house"
    list_display = ["subject", "house", "created_at", "sent_at", "recipients_count"]
    list_filter = ["house"]
    search_fields = ["subject", "body"]
    list_select_related = ["house"]
    readonly_fields = ["created_by", "created_at", "sent_at", "recipients_count", "send_link"]

    def get_fields(self, request, obj=None):
        fields = ["house", "subject", "body"]
        if obj is not None:
            fields += ["send_link", "created_by", "created_at", "sent_at", "recipients_count"]
        return fields

    @admin.display(description=_("envoi"))
    def send_link(self, obj):
        if obj.sent_at:
            return _("Parti : un message ne part qu'une fois.")
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:subscriptions_housemessage_send", args=[obj.pk]),
            _("Aperçu, puis « Envoyer aux abonnés »"),
        )

    def has_change_permission(self, request, obj=None):
        # Gone is gone: a message sent stays as it left.
        if obj is not None and obj.sent_at:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.sent_at:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        if "_continue" not in request.POST and "_addanother" not in request.POST:
            # Written: the next step is to read it as subscribers will, then send it.
            return HttpResponseRedirect(
                reverse("admin:subscriptions_housemessage_send", args=[obj.pk])
            )
        return super().response_add(request, obj, post_url_continue)

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/envoyer/",
                self.admin_site.admin_view(self.send_view),
                name=f"{info}_send",
            ),
        ] + super().get_urls()

    def send_view(self, request, object_id):
        """The message as a subscriber reads it, and « Envoyer aux abonnés » (a POST)."""
        message = self.get_object(request, object_id)  # another house's: 403
        if message is None:
            raise Http404
        change_url = reverse("admin:subscriptions_housemessage_change", args=[message.pk])
        if message.sent_at is None and not self.has_change_permission(request, message):
            raise PermissionDenied
        if request.method == "POST" and message.sent_at is None:
            try:
                message = services.house_message_send(message=message)
            except services.AlreadySent as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Le message part vers %(count)s abonné·e.",
                        "Le message part vers %(count)s abonné·es.",
                        message.recipients_count,
                    )
                    % {"count": message.recipients_count},
                )
            return HttpResponseRedirect(change_url)
        body, _headers = services.house_message_email(message, Subscriber(email=PREVIEW_ADDRESS))
        return TemplateResponse(
            request,
            "subscriptions/admin/house_message_send.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Envoyer « %(subject)s » aux abonnés") % {"subject": message.subject},
                "message": message,
                "subject": f"{message.house.short_name} : {message.subject}",
                "body": body,
                "recipient_count": services.house_message_recipients(message).count(),
                "change_url": change_url,
            },
        )
