"""Settings for the test suite: the real settings, with what tests need.

Like cookiecutter-django's config/settings/test.py: a fast password hasher,
the local-memory mail backend and throw-away folders for media and cache.
The database still comes from DATABASE_URL (SQLite by default, PostgreSQL
in CI), so the suite runs against the real engine.
"""

import os
import tempfile

# Long and varied enough for Django's check (and the settings' own refusal).
os.environ.setdefault(
    "DJANGO_SECRET_KEY", "tests-only-secret-key-long-enough-for-djangos-deploy-check-0123456789"
)
# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by the same tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from .settings import *  # noqa: E402,F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The test client and the live server speak plain http: production's redirect
# to https would answer every request with a 301. tests/security/ checks the
# redirect itself with production settings (a subprocess, behind nginx).
SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each background job runs right after its commit, in the test's own process
# (tests/outbox/ runs the database queue and RQ with their workers).
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
# The suite is one process (the live server's threads included): the
# local-memory cache, as cookiecutter-django's test settings. Each save writes
# the cache's version; on files that is a file written per save. The file
# cache of settings.py is what the servers tests/reliability/, tests/security/
# and bench/ start in processes of their own use.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "coop-tests",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
STATIC_ROOT = tempfile.mkdtemp(prefix="coop-static-")
# A child process of a test (tests/reliability/) may be given its own media folder.
MEDIA_ROOT = os.environ.get("COOP_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="coop-media-")
# The live server's threads share the one in-memory SQLite connection of the
# suite: with two browsers at once, one thread's BEGIN IMMEDIATE met another's
# open transaction (« cannot start a transaction within a transaction », in CI).
# Writers on a file (the site and its worker, settings.py) keep it, tested with
# the real settings by tests/coop_site/test_sqlite_writers.py.
DATABASES["default"].get("OPTIONS", {}).pop("transaction_mode", None)  # noqa: F405
# A test's data need not survive a power cut: PostgreSQL answers a commit
# without waiting for the disk (transactional tests and live servers commit
# at every save). Production keeps the default.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
