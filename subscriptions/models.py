"""Following houses by e-mail: who asked (double opt-in), which houses, what was sent.

A `Subscriber` is one address; a `Subscription` one of its houses (the
Coopération is a house too). Nothing goes to an address before its owner
has clicked the confirmation link, which confirms the houses it names.
The weekly digest tells each subscription only what it has not been told:
the news items and events sent are kept on the subscription (`sent_news`,
`sent_events`), because a news item can be published days after the date it
carries, and an event has no date of creation; a date of last digest alone
would miss the one or repeat the other.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from houses.models import Event, House
from news.models import NewsItem


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        """Those who confirmed and have not left everything."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def unconfirmed_since(self, moment):
        """Addresses never confirmed, asked before `moment`: deleted (personal data)."""
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)


class Subscriber(models.Model):
    """An e-mail address that asked to follow one or several houses."""

    email = models.EmailField(_("e-mail"), unique=True)
    key = models.UUIDField(
        _("clé des liens"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Ce que nomment les liens signés des e-mails (confirmer, se désabonner)."),
    )
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(
        _("confirmé le"),
        null=True,
        blank=True,
        help_text=_("Vide : l'adresse n'a pas confirmé, elle ne reçoit rien."),
    )
    unsubscribed_at = models.DateTimeField(_("désabonné de tout le"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("dernière lettre le"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonné·e")
        verbose_name_plural = _("abonné·es")
        ordering = ["email"]

    def __str__(self):
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        """What receives the letters: confirmed, by an address that has not left."""
        return self.filter(
            confirmed_at__isnull=False,
            unsubscribed_at__isnull=True,
            subscriber__confirmed_at__isnull=False,
            subscriber__unsubscribed_at__isnull=True,
        )

    def for_house(self, house):
        return self.filter(house=house)


class Subscription(models.Model):
    """One house an address follows, and what its letters have told it already."""

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("abonné·e"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désabonné le"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("dernière lettre le"), null=True, blank=True)
    sent_news = models.ManyToManyField(
        NewsItem,
        verbose_name=_("actualités déjà envoyées"),
        blank=True,
        related_name="subscriptions",
    )
    sent_events = models.ManyToManyField(
        Event, verbose_name=_("événements déjà envoyés"), blank=True, related_name="subscriptions"
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        ordering = ["house", "subscriber__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "house"],
                name="subscription_unique_per_house",
                violation_error_message=_("Cette adresse suit déjà cette maison."),
            )
        ]

    def __str__(self):
        return f"{self.subscriber.email} — {self.house.short_name}"

    @property
    def is_active(self):
        return (
            self.confirmed_at is not None
            and self.unsubscribed_at is None
            and self.subscriber.confirmed_at is not None
            and self.subscriber.unsubscribed_at is None
        )


class HouseMessage(models.Model):
    """A one-off message from a house's team to its confirmed subscribers, sent once."""

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        on_delete=models.CASCADE,
        related_name="subscriber_messages",
    )
    subject = models.CharField(
        _("objet"), max_length=150, help_text=_("Court et clair : « Fête de quartier samedi »")
    )
    body = models.TextField(
        _("message"),
        max_length=5000,
        help_text=_("Du texte simple. Le site ajoute en bas le lien pour se désabonner."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrit par"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="house_messages",
    )
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    sent_at = models.DateTimeField(
        _("envoyé le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Vide : pas encore envoyé."),
    )
    recipients_count = models.PositiveIntegerField(
        _("nombre de destinataires"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("message aux abonnés")
        verbose_name_plural = _("messages aux abonnés")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
