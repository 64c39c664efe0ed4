"""Production settings (issue 12): Django's deploy check, the secret key, HTTPS, headers.

The settings are read in a fresh process with a clean environment, as a
server would start: nothing of the test settings leaks in.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db  # the suite's cache fixture reaches the menus

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = secrets.token_urlsafe(50)


def manage(*args, **env):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "coop_site.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_passes_without_a_warning(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="www.exemple.fr",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://www.exemple.fr",
        DJANGO_BEHIND_HTTPS_PROXY="1",
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "key",
    [
        "",  # missing
        "trop-courte",
        "a" * 60,  # long but one character
        "django-insecure-" + secrets.token_urlsafe(50),  # Django's generated placeholder
    ],
)
def test_startup_refuses_a_missing_or_weak_secret_key(key):
    env = {"DJANGO_ALLOWED_HOSTS": "www.exemple.fr"}
    if key:
        env["DJANGO_SECRET_KEY"] = key
    result = manage("migrate", "--check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY est " in result.stderr
    assert ("obligatoire" if not key else "trop faible") in result.stderr


def test_the_deploy_check_judges_the_real_key():
    """`check` runs without a key, but `check --deploy` gets no stand-in key."""
    result = manage("check", "--deploy", DJANGO_ALLOWED_HOSTS="www.exemple.fr")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY est obligatoire" in result.stderr


def test_debug_keeps_plain_http_for_make_run(tmp_path):
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "coop_site.settings",
            "DJANGO_DEBUG": "1",
            "DJANGO_CACHE_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "0", "False"], result.stderr


def test_https_requests_get_hsts_and_the_security_headers(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    plain = client.get("/mentions-legales/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/mentions-legales/"

    response = client.get("/page-absente/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in response["Permissions-Policy"]
