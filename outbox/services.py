"""Sending an e-mail: stored first, delivered by a background job, tried again until it leaves.

    from outbox.services import queue_email
    queue_email(to=..., subject=..., body=..., reply_to=..., headers={...}, about=record)

`queue_email` saves the e-mail and, once the transaction commits, enqueues
`deliver_email_task` (django-tasks: the database worker, RQ when Redis is
configured, or right away in the tests). A failed try (mail server down,
refused) is recorded on the row and tried again later, each time later;
the `send_queued_emails` command, run every few minutes, sends whatever is
due, so that nothing depends on a job surviving. When the e-mail is about a
record with an `emailed_at` field (a contact message), that field says when
it left.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from coop_site.background import enqueue_after_commit

from .models import LEASE, MAX_ATTEMPTS, OutgoingEmail, retry_delay

logger = logging.getLogger(__name__)


def single_line(text):
    """A mail header never holds a line break."""
    return " ".join(str(text).split())


def queue_email(*, to, subject, body, reply_to=None, headers=None, about=None):
    """Keep an e-mail to send, and send it in the background after the commit."""
    email = OutgoingEmail(
        to=to,
        subject=single_line(subject)[:255],
        body=body,
        reply_to=reply_to or "",
        headers={name: single_line(value) for name, value in (headers or {}).items()},
    )
    if about is not None:
        email.content_type = ContentType.objects.get_for_model(about)
        email.object_id = str(about.pk)
    email.save()
    enqueue_after_commit(deliver_email_task, email.pk)
    return email


def email_message(email):
    """The message Django's mail backend sends for a stored e-mail."""
    return EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        # "Reply" then writes to the visitor, not to the site's own address.
        reply_to=[email.reply_to] if email.reply_to else None,
        headers=email.headers or None,
    )


def deliver(*, email_id, now=None):
    """Try to send one stored e-mail, if it is still waiting and its time has come.

    Returns the e-mail, or None when there was nothing to do (sent already,
    not yet due, or being sent by another worker).
    """
    now = now or timezone.now()
    # Taken for a while: a sweep or another worker running now leaves it alone.
    taken = OutgoingEmail.objects.due(now).filter(pk=email_id).update(next_attempt_at=now + LEASE)
    if not taken:
        return None
    email = OutgoingEmail.objects.get(pk=email_id)
    email.attempts += 1
    try:
        email_message(email).send()
    except Exception as exc:
        email.last_error = f"{type(exc).__name__} : {exc}"[:2000]
        if email.attempts >= MAX_ATTEMPTS:
            email.status = OutgoingEmail.Status.GIVEN_UP
            logger.error("E-mail %s given up after %s tries: %s", email.pk, email.attempts, exc)
        else:
            email.next_attempt_at = now + _retry_delay(email.attempts)
            logger.warning("E-mail %s not sent (try %s): %s", email.pk, email.attempts, exc)
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        if email.status == OutgoingEmail.Status.PENDING:
            _retry_later(email)
        return email
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.save(update_fields=["attempts", "status", "sent_at"])
    _mark_record_emailed(email)
    return email


def deliver_due(now=None):
    """Send every e-mail whose time has come; returns how many left."""
    now = now or timezone.now()
    sent = 0
    for email_id in OutgoingEmail.objects.due(now).values_list("pk", flat=True):
        email = deliver(email_id=email_id, now=now)
        sent += bool(email and email.status == OutgoingEmail.Status.SENT)
    return sent


def send_again(*, emails):
    """An administrator's « Renvoyer maintenant »: due at once, given up or not."""
    ids = [email.pk for email in emails if email.status != OutgoingEmail.Status.SENT]
    OutgoingEmail.objects.filter(pk__in=ids).update(
        status=OutgoingEmail.Status.PENDING, next_attempt_at=timezone.now()
    )
    for email_id in ids:
        enqueue_after_commit(deliver_email_task, email_id)
    return len(ids)


def forget_sent(now=None):
    """Delete the e-mails sent more than COOP_OUTBOX_RETENTION_DAYS ago: they hold personal data."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.COOP_OUTBOX_RETENTION_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENT, sent_at__lt=limit
    ).delete()
    return deleted


def _retry_delay(attempts):
    # The tests shorten the first wait (settings.COOP_OUTBOX_FIRST_RETRY, in seconds).
    first = getattr(settings, "COOP_OUTBOX_FIRST_RETRY", None)
    if first is None:
        return retry_delay(attempts)
    return datetime.timedelta(seconds=first) * 2 ** (attempts - 1)


def _retry_later(email):
    """Enqueue the next try for its time, where the task engine can wait (database, RQ).

    The immediate backend cannot: the sweep (`send_queued_emails`) takes it then.
    """
    if deliver_email_task.get_backend().supports_defer:
        deliver_email_task.using(run_after=email.next_attempt_at).enqueue(email.pk)


def _mark_record_emailed(email):
    if email.content_type_id is None:
        return
    model = email.content_type.model_class()
    try:
        model._meta.get_field("emailed_at")
    except FieldDoesNotExist:
        return
    model._default_manager.filter(pk=email.object_id, emailed_at__isnull=True).update(
        emailed_at=email.sent_at
    )


@task()
def deliver_email_task(email_id):
    deliver(email_id=email_id)
