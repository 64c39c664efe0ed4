"""An error's log line names the request's path and user id, never a posted password."""

import logging

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db

SECRET = "MotDePasse-tres-secret-42"


def test_a_500_during_a_post_logs_path_and_user_not_the_password(
    settings, caplog, django_user_model
):
    settings.ROOT_URLCONF = "tests.security.broken_urls"
    settings.ADMINS = [("Admin", "admin@example.org")]
    user = django_user_model.objects.create_user("agent", password="x")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post("/panne/", {"username": "agent", "password": SECRET})
    assert response.status_code == 500
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_path == "/panne/"
    assert record.user_id == user.pk
    line = logging.Formatter(settings.LOGGING["formatters"]["site"]["format"]).format(record)
    assert f"path=/panne/ user={user.pk}" in line
    assert SECRET not in line
    # Django's e-mail to ADMINS carries the POST: the password is masked there too.
    [message] = mail.outbox
    assert SECRET not in message.body
    assert "password" in message.body


def test_a_record_without_request_still_formats(settings):
    from coop_site.request_logging import RequestContextFilter

    record = logging.LogRecord("coop", logging.WARNING, __file__, 1, "démarrage", None, None)
    RequestContextFilter().filter(record)
    line = logging.Formatter(settings.LOGGING["formatters"]["site"]["format"]).format(record)
    assert "[path=- user=-]" in line
