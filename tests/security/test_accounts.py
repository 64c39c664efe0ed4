"""Accounts (issue 12): passwords, login lockouts, session length.

Passwords have 12 characters at least, refused in French in the admin's own
forms. The admin's login locks a username from one address after 5 failures
(django-axes, `# --- Accounts` in settings), with a French page; another
address or another username still signs in; an administrator sees the lockout
in the admin and lifts it. A staff session ends after 8 hours without a request.
"""

import datetime
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "une-phrase-de-passe-longue"
LOCKED = "Trop de tentatives de connexion"
COOL_OFF = "Réessayez dans 30 minutes ou demandez à un administrateur"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("camille", password=PASSWORD, is_staff=True)


def log_in(client, username, password, ip="192.0.2.10", **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
        **extra,
    )


def signed_in(client):
    return client.get(reverse("admin:index")).status_code == 200


# --- Passwords ----------------------------------------------------------------


def test_a_short_password_is_refused_in_french_in_the_admin(client, admin_user, staff):
    client.force_login(admin_user)
    url = reverse("admin:auth_user_password_change", args=[staff.pk])

    response = client.post(url, {"password1": "court-2026", "password2": "court-2026"})

    assert response.status_code == 200
    assert "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères." in (
        response.content.decode()
    )
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)

    response = client.post(url, {"password1": "douze-caracteres", "password2": "douze-caracteres"})
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("douze-caracteres")


def test_the_admin_s_add_user_form_says_the_rule(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("admin:auth_user_add")).content.decode()

    assert "Votre mot de passe doit contenir au minimum 12 caractères." in html


def test_ensure_admin_refuses_a_short_chosen_password(django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "court")

    with pytest.raises(CommandError, match="au minimum 12 caractères"):
        call_command("ensure_admin", stdout=io.StringIO())
    assert not django_user_model.objects.exists()


def test_ensure_admin_s_random_password_passes_the_validators(django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("notez-le) : ")[1].split()[0]

    assert len(password) >= 12
    client = Client()
    assert log_in(client, "admin", password).status_code == 302
    assert signed_in(client)


# --- Lockouts -----------------------------------------------------------------


def test_five_failures_lock_the_username_from_that_address(client, staff):
    statuses = [log_in(client, "camille", "mauvais-mot-de-passe").status_code for _ in range(5)]

    response = log_in(client, "camille", PASSWORD)

    assert statuses[:4] == [200] * 4  # the login form again, with Django's error
    assert statuses[4] == 429
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html and COOL_OFF in html
    assert 'id="login-form"' in html  # the admin's login page, in its look
    assert "Coopération des Maisons de Quartier" in html
    assert not signed_in(client)


def test_another_address_or_another_username_is_not_locked(client, staff, django_user_model):
    django_user_model.objects.create_user("dominique", password=PASSWORD, is_staff=True)
    for _ in range(5):
        log_in(client, "camille", "mauvais-mot-de-passe")
    assert log_in(client, "camille", PASSWORD).status_code == 429

    elsewhere = Client()
    assert log_in(elsewhere, "camille", PASSWORD, ip="198.51.100.20").status_code == 302
    assert signed_in(elsewhere)
    colleague = Client()
    assert log_in(colleague, "dominique", PASSWORD).status_code == 302
    assert signed_in(colleague)


def test_twenty_quick_failures_are_not_all_retried(client, staff):
    statuses = [log_in(client, "camille", f"essai-{n}").status_code for n in range(20)]

    assert statuses.count(200) == 4
    assert statuses[4:] == [429] * 16
    assert log_in(client, "camille", PASSWORD).status_code == 429


def test_a_success_before_the_limit_starts_the_count_again(client, staff):
    for _ in range(4):
        log_in(client, "camille", "mauvais-mot-de-passe")
    assert log_in(client, "camille", PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        assert log_in(client, "camille", "mauvais-mot-de-passe").status_code == 200
    assert log_in(client, "camille", PASSWORD).status_code == 302


def test_an_administrator_sees_the_lockout_and_lifts_it(client, staff, django_user_model):
    for _ in range(5):
        log_in(client, "camille", "mauvais-mot-de-passe")
    # An administrator by the group, not a superuser: the group holds the permissions.
    chief = django_user_model.objects.create_user("chef", password=PASSWORD, is_staff=True)
    chief.groups.add(Group.objects.get(name="Administrateur·rice"))
    admin_client = Client()
    admin_client.force_login(chief)

    index = admin_client.get(reverse("admin:index")).content.decode()
    assert "Connexions et blocages" in index
    assert "Tentatives de connexion" in index
    changelist = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200
    html = changelist.content.decode()
    assert "camille" in html and "192.0.2.10" in html
    attempt = AccessAttempt.objects.get(username="camille")

    delete_url = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert admin_client.get(delete_url).status_code == 200
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302

    assert not AccessAttempt.objects.exists()
    assert log_in(client, "camille", PASSWORD).status_code == 302
    assert signed_in(client)


def test_editors_do_not_see_the_lockouts(client, django_user_model):
    editor = django_user_model.objects.create_user("redac", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeur·rice"))
    client.force_login(editor)

    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_the_lockout_ends_after_the_cool_off(client, staff):
    for _ in range(5):
        log_in(client, "camille", "mauvais-mot-de-passe")
    assert log_in(client, "camille", PASSWORD).status_code == 429

    # 30 minutes later, as the message says.
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    assert log_in(client, "camille", PASSWORD).status_code == 302


def proxy_settings():
    """The accounts settings as production reads them behind the HTTPS proxy."""
    code = (
        "import json, coop_site.settings as s; print(json.dumps({k: getattr(s, k) for k in "
        "('AXES_IPWARE_META_PRECEDENCE_ORDER', 'AXES_IPWARE_PROXY_COUNT', 'IPWARE_STRICT')}))"
    )
    env = {
        **os.environ,
        "DJANGO_BEHIND_HTTPS_PROXY": "1",
        "DJANGO_SECRET_KEY": "x" * 20 + "proxy-settings-test-key-0123456789-abcdefghij",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_behind_the_proxy_the_client_s_address_is_the_one_nginx_adds(settings, client, staff):
    for name, value in proxy_settings().items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)

    def through_nginx(client, password, forwarded_for):
        # nginx appends the address it sees ($proxy_add_x_forwarded_for).
        return log_in(
            client, "camille", password, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for
        )

    for _ in range(5):
        through_nginx(client, "mauvais-mot-de-passe", "203.0.113.9")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    # The attacker forging another address in front is still the address nginx saw.
    assert through_nginx(Client(), PASSWORD, "10.1.2.3, 203.0.113.9").status_code == 429
    # Someone else, behind the same proxy, signs in.
    assert through_nginx(Client(), PASSWORD, "198.51.100.7").status_code == 302


def test_without_the_proxy_a_forwarded_header_is_ignored(client, staff):
    for n in range(5):
        log_in(client, "camille", "mauvais", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    assert AccessAttempt.objects.get().ip_address == "192.0.2.10"
    assert log_in(client, "camille", PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4").status_code == 429


# --- Sessions -----------------------------------------------------------------


def session_of(client):
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_a_staff_session_lasts_eight_hours_from_the_last_request(client, staff):
    assert log_in(client, "camille", PASSWORD).status_code == 302
    session = session_of(client)
    session.expire_date = timezone.now() + datetime.timedelta(hours=1)
    session.save()

    assert signed_in(client)  # a request: eight hours again from now

    left = session_of(client).expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < left <= datetime.timedelta(hours=8)
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600


def test_eight_hours_without_a_request_sign_the_staff_out(client, staff):
    assert log_in(client, "camille", PASSWORD).status_code == 302
    session = session_of(client)
    # Last request 8 hours and a minute ago.
    session.expire_date = timezone.now() - datetime.timedelta(minutes=1)
    session.save()

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_an_anonymous_visit_still_sets_no_cookie(client):
    for path in ("/", "/robots.txt", "/page-qui-n-existe-pas/"):
        response = client.get(path)
        assert not response.cookies, (path, list(response.cookies))
    assert not Session.objects.exists()
