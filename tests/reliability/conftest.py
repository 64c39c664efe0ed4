"""The demo site built once for the reliability tests, in its own database and folders.

`load_demo` runs in a child process on a database of its own (on PostgreSQL
`<name>_demo` beside the test database, `<name>` being DATABASE_URL's database;
on SQLite a file), so that backups, servers and restores in other processes see
committed data, and two runs given different DATABASE_URLs never share one.
"""

import os

import dj_database_url
import pytest
from django.db import connection

from .servers import collectstatic
from .subprocess_site import manage


def on_postgresql():
    return connection.vendor == "postgresql"


def demo_database():
    """`<name>_demo` on PostgreSQL, after DATABASE_URL's database `<name>`."""
    if not on_postgresql():
        return "demo"  # a file in the site's folder
    return f"{dj_database_url.parse(os.environ['DATABASE_URL'])['NAME']}_demo"


def server_url(name):
    """A URL for database `name` on the test suite's PostgreSQL server."""
    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    user = config["USER"] or "postgres"
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    host = config["HOST"] or "127.0.0.1"
    port = config["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def on_server(url, *statements):
    """Runs `statements` on the server of `url`, from its `postgres` database."""
    import psycopg2

    config = dj_database_url.parse(url)
    admin = psycopg2.connect(
        dbname="postgres",
        user=config["USER"],
        password=config.get("PASSWORD") or None,
        host=config["HOST"],
        port=config["PORT"],
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement.format(name=config["NAME"]))
    admin.close()


def recreate_database(url):
    """An empty database at `url` (dropped first if it exists)."""
    on_server(url, 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', 'CREATE DATABASE "{name}"')


def drop_database(site):
    if site["DATABASE_URL"].startswith("postgres"):
        on_server(site["DATABASE_URL"], 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_site(folder, name):
    """The environment of a site with an empty database and an empty media folder."""
    folder.mkdir(parents=True, exist_ok=True)
    if on_postgresql():
        url = server_url(name)
        recreate_database(url)
    else:
        url = f"sqlite:///{folder / 'db.sqlite3'}"
    # Its own cache too: django CMS keeps rendered pages there.
    return {
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_CACHE_DIR": str(folder / "cache"),
    }


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        site = empty_site(tmp_path_factory.mktemp("demo-site"), demo_database())
    manage("migrate", "--noinput", "-v0", **site)
    manage("load_demo", **site)
    yield site
    drop_database(site)


@pytest.fixture
def new_site(tmp_path):
    """`new_site(name)`: an empty site (database and folders), dropped after the test."""
    sites = []

    def make(name):
        site = empty_site(tmp_path / name, name)
        sites.append(site)
        return site

    yield make
    for site in sites:
        drop_database(site)


@pytest.fixture(scope="session")
def demo_archive(demo_site, tmp_path_factory):
    archive = tmp_path_factory.mktemp("backups") / "demo.tar.gz"
    manage("backup", "--output", str(archive), **demo_site)
    return archive


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """The static files collected once, for the gunicorn servers of the tests."""
    folder = tmp_path_factory.mktemp("static")
    collectstatic(folder)
    return folder
