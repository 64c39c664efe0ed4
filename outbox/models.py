"""Every e-mail the site sends, kept until the mail server has taken it.

An e-mail is a row first (`services.queue_email`), then a background job
delivers it. A mail server that is down costs a delay, never the message:
the row stays « en attente » with its error, and the job is tried again
later, each time a little later (`next_attempt_at`).
"""

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The waits between two tries: 1, 2, 4… minutes, at most 6 hours; after
# MAX_ATTEMPTS tries (about two days) the e-mail is given up, for an
# administrator to look at and send again.
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_RETRY = datetime.timedelta(hours=6)
MAX_ATTEMPTS = 15
# While a worker sends an e-mail, nobody else takes it (a sweep, a second worker).
LEASE = datetime.timedelta(minutes=5)


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failed try."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_RETRY)


class OutgoingEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OutgoingEmail.Status.PENDING)

    def due(self, now=None):
        """Those waiting whose next try is now: what a sweep sends."""
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())

    def about(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "en_attente", _("En attente")
        SENT = "envoye", _("Envoyé")
        GIVEN_UP = "abandonne", _("Abandonné")

    to = models.EmailField(_("destinataire"))
    subject = models.CharField(_("objet"), max_length=255)
    body = models.TextField(_("texte"))
    reply_to = models.EmailField(_("répondre à"), blank=True)
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    next_attempt_at = models.DateTimeField(_("prochain essai"), default=timezone.now)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    # What the e-mail is about (a contact message, a registration…), if anything.
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("à propos de (type)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outgoing_emails",
    )
    object_id = models.CharField(_("à propos de (numéro)"), max_length=40, blank=True)
    about = GenericForeignKey("content_type", "object_id")

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail envoyé par le site")
        verbose_name_plural = _("e-mails envoyés par le site")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.subject} → {self.to}"
