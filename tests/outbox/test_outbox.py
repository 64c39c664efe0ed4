"""Every e-mail is stored, sent by a background job, and tried again until the mail server takes it.

The mail server is real here: aiosmtpd listening on a local port, stopped
and started again, with Django's SMTP backend talking to it. The jobs run on
the engines production uses: the database queue with its worker, and RQ on
the machine's Redis.
"""

import datetime
import socket
import time

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coop_site.roles import ADMINISTRATOR
from outbox.models import MAX_ATTEMPTS, OutgoingEmail
from outbox.services import deliver_due, forget_sent, queue_email
from tests.commits import committed

pytestmark = pytest.mark.django_db


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A local mail server, stopped at first: `smtp.start()`, `smtp.stop()`."""
    inbox = Inbox()
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = False

    class Server:
        controller = None
        received = inbox.messages

        def start(self):
            self.controller = Controller(inbox, hostname="127.0.0.1", port=port)
            self.controller.start()

        def stop(self):
            if self.controller:
                self.controller.stop()
                self.controller = None

    server = Server()
    yield server
    server.stop()


def test_an_email_is_stored_then_sent_after_the_commit_with_its_headers():
    email = queue_email(
        to="camille@example.net",
        subject="Votre inscription\nau repas",
        body="Bonjour",
        reply_to="accueil@example.org",
        headers={"List-Unsubscribe": "<https://example.org/x/>"},
    )
    assert mail.outbox == []  # nothing leaves before the commit
    committed()

    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.SENT, 1)
    assert email.sent_at is not None
    [sent] = mail.outbox
    assert (sent.to, sent.reply_to, sent.subject) == (
        ["camille@example.net"],
        ["accueil@example.org"],
        "Votre inscription au repas",  # a header never holds a line break
    )
    assert sent.message()["List-Unsubscribe"] == "<https://example.org/x/>"


def test_when_the_mail_server_is_down_nothing_is_lost_and_it_leaves_when_it_is_back(smtp):
    queue_email(to="camille@example.net", subject="Confirmation", body="Votre place est confirmée")
    committed()  # the server is down: the try fails

    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.PENDING
    assert email.attempts == 1
    assert "Connection" in email.last_error or "refused" in email.last_error.lower()
    assert email.next_attempt_at > timezone.now()  # waits before trying again
    assert deliver_due() == 0  # not before its time

    smtp.start()
    assert deliver_due(now=email.next_attempt_at) == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    [received] = smtp.received
    assert "Votre place est confirm" in received
    assert deliver_due(now=email.next_attempt_at + datetime.timedelta(hours=1)) == 0  # once only


def test_each_failure_waits_longer_and_the_last_gives_up_for_an_administrator(smtp):
    email = queue_email(to="camille@example.net", subject="Confirmation", body="…")
    committed()
    waits = []
    for _ in range(MAX_ATTEMPTS - 1):
        email.refresh_from_db()
        waits.append(email.next_attempt_at)
        deliver_due(now=email.next_attempt_at)
    email.refresh_from_db()
    gaps = [later - earlier for earlier, later in zip(waits, waits[1:], strict=False)]
    assert all(later >= earlier for earlier, later in zip(gaps, gaps[1:], strict=False))
    assert gaps[0] >= datetime.timedelta(minutes=1)
    assert max(gaps) <= datetime.timedelta(hours=6, minutes=6)
    assert (email.status, email.attempts) == (OutgoingEmail.Status.GIVEN_UP, MAX_ATTEMPTS)


@pytest.mark.django_db(transaction=True)  # the worker commits, and closes its connection
def test_the_database_queue_and_its_worker_send_again_when_the_server_comes_back(smtp, settings):
    """Production's engine: the job waits in the database; a failed try schedules the next."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.COOP_OUTBOX_FIRST_RETRY = 1  # seconds, instead of a minute
    queue_email(to="camille@example.net", subject="Confirmation", body="Votre place est confirmée")
    committed()
    assert DBTaskResult.objects.count() == 1  # queued, not sent in the request
    assert OutgoingEmail.objects.get().attempts == 0

    call_command("worker", "--batch")  # server down: the try fails, the next one is queued
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.PENDING, 1)
    assert DBTaskResult.objects.filter(status="READY", run_after__isnull=False).count() == 1

    smtp.start()
    time.sleep(1.2)
    call_command("worker", "--batch")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(smtp.received) == 1


def test_with_redis_the_rq_worker_sends_the_email(settings):
    """With REDIS_URL, the jobs go to RQ (django-tasks-rq), on the machine's Redis."""
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    # A Redis database of its own per engine: CI runs the SQLite and PostgreSQL suites at once.
    redis_db = {"sqlite": 9}.get(connection.vendor, 10)
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:6379/{redis_db}"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default", job_class=Job)
    queue.connection.flushdb()

    queue_email(to="camille@example.net", subject="Confirmation", body="Votre place est confirmée")
    committed()
    assert mail.outbox == [] and queue.count == 1  # waiting in Redis

    # In this process, so that it sees the test's rows (a forking worker would not).
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT
    assert [sent.to for sent in mail.outbox] == [["camille@example.net"]]
    queue.connection.flushdb()


def test_the_sweep_command_sends_what_is_due_and_forgets_old_sent_emails(settings):
    settings.COOP_OUTBOX_RETENTION_DAYS = 30
    waiting = queue_email(to="a@example.net", subject="En attente", body="…")
    old = queue_email(to="b@example.net", subject="Ancien", body="…")
    OutgoingEmail.objects.filter(pk=old.pk).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now() - datetime.timedelta(days=31)
    )
    # The job never ran (a worker lost it): the sweep sends it.
    call_command("send_queued_emails")

    assert OutgoingEmail.objects.get(pk=waiting.pk).status == OutgoingEmail.Status.SENT
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()
    assert forget_sent() == 0


def test_administrators_see_the_emails_and_send_a_given_up_one_again(client, django_user_model):
    email = queue_email(to="camille@example.net", subject="Confirmation", body="…")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.GIVEN_UP, attempts=MAX_ATTEMPTS, last_error="Refusé"
    )
    admin = django_user_model.objects.create_user("chef", password="x", is_staff=True)
    admin.groups.add(Group.objects.get(name=ADMINISTRATOR))
    client.force_login(admin)

    listing = client.get("/admin/outbox/outgoingemail/?status=abandonne")
    assert listing.status_code == 200
    assert "camille@example.net" in listing.content.decode()
    response = client.post(
        "/admin/outbox/outgoingemail/",
        {"action": "send_again_now", "_selected_action": [email.pk]},
        follow=True,
    )
    assert "1 e-mail sera renvoyé dans un instant." in response.content.decode()
    committed()
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_a_house_team_and_an_editor_cannot_read_the_emails(client, editor):
    queue_email(to="camille@example.net", subject="Confirmation", body="…")
    client.force_login(editor)
    assert client.get("/admin/outbox/outgoingemail/").status_code == 403


def test_erasing_a_person_erases_the_emails_sent_to_them_or_about_them():
    from coop_site.personal_data import erase_all, export_all

    queue_email(to="camille@example.net", subject="Votre place", body="Confirmée")
    queue_email(
        to="maison@example.org",
        subject="Nouvelle demande",
        body="…",
        reply_to="camille@example.net",
    )
    kept = queue_email(to="autre@example.net", subject="Votre place", body="Confirmée")

    exported = export_all(email="Camille@example.net")["données"]["E-mails envoyés"]
    assert sorted(row["objet"] for row in exported) == ["Nouvelle demande", "Votre place"]
    assert erase_all(email="camille@example.net")["E-mails envoyés"] == 2
    assert list(OutgoingEmail.objects.all()) == [kept]


def test_a_person_known_by_phone_only_finds_the_emails_that_give_it():
    from coop_site.personal_data import export_all

    queue_email(
        to="maison@example.org", subject="Demande", body="Nom : Jo\nTéléphone : 06 12 34 56 78"
    )
    queue_email(to="maison@example.org", subject="Autre", body="Téléphone : 06 12 34 56 79")

    exported = export_all(phone="+33 6.12.34.56.78")["données"]["E-mails envoyés"]
    assert [row["objet"] for row in exported] == ["Demande"]
    # Both given, as the administrators' screen often does: each finds its own.
    queue_email(to="jo@example.net", subject="Votre place", body="…")
    both = export_all(email="jo@example.net", phone="06 12 34 56 78")["données"]["E-mails envoyés"]
    assert sorted(row["objet"] for row in both) == ["Demande", "Votre place"]
