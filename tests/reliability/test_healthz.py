"""`/healthz` says whether the database, the cache and the media storage answer."""

import json
import socket
from pathlib import Path

import pytest

from .subprocess_site import fetch

pytestmark = pytest.mark.django_db


def closed_port():
    """A loopback port nothing listens on (bound then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_probe_headers(response):
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response


def test_all_parts_answer(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "storage": "ok"}
    assert_probe_headers(response)
    assert not response.cookies
    # The probe leaves nothing behind in the media folder (a restore wants it empty).
    assert client.get("/healthz").status_code == 200
    assert list(Path(settings.MEDIA_ROOT).iterdir()) == []


def test_head_answers_too(client):
    assert client.head("/healthz").status_code == 200


def test_a_closed_redis_port_names_the_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/7",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "database": "ok",
        "cache": "indisponible",
        "storage": "ok",
    }
    assert_probe_headers(response)


def test_a_media_folder_that_cannot_be_written_names_the_storage(client, settings, tmp_path):
    # A folder below a plain file cannot be created, even by root (who ignores chmod).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = str(blocker / "media")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "database": "ok",
        "cache": "ok",
        "storage": "indisponible",
    }
    assert_probe_headers(response)


def test_an_unreachable_database_names_the_database(tmp_path):
    # A fresh process whose database is a PostgreSQL port where nothing listens.
    (response,) = fetch(
        ["/healthz"],
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/coop_ops_absent",
        MEDIA_ROOT=tmp_path / "media",
    )
    assert response["status"] == 503
    assert json.loads(response["body"]) == {
        "database": "indisponible",
        "cache": "ok",
        "storage": "ok",
    }
    assert response["headers"]["Cache-Control"] == "no-store"
    assert response["cookies"] == []
