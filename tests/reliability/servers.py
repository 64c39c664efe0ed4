"""Real servers for the load and fault tests: gunicorn with production settings,
a throwaway PostgreSQL instance, and a load driver (threads + http.client).

Every port is in the `ops` range (8340-8359) and on loopback only; a `Browser` keeps
its cookies (a staff member signed in) from one request and one server to the next.
"""

import http.client
import io
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from .subprocess_site import ROOT


def ensure_admin(env, password):
    """The `admin` account of the site `env` configures, with `password`."""
    subprocess.run(
        [sys.executable, "manage.py", "ensure_admin"],
        cwd=ROOT,
        env={**env, "DJANGO_SUPERUSER_PASSWORD": password},
        check=True,
        capture_output=True,
        timeout=120,
    )


def postgresql_only(what):
    """The marks of a test module that runs real servers on PostgreSQL, the production engine."""
    return [
        pytest.mark.django_db,  # the suite's autouse fixtures clear the CMS menu cache
        pytest.mark.skipif(
            connection.vendor != "postgresql",
            reason=f"{what} : sur PostgreSQL seulement (DATABASE_URL=postgres://…), "
            "le moteur de la production.",
        ),
    ]


PG_BIN = Path(os.environ.get("COOP_PG_BIN_DIR", "/usr/lib/postgresql/15/bin"))
GUNICORN_PORT = 8341
FAULT_GUNICORN_PORT = 8343
FAULT_PG_PORT = 8345

# The main pages a visitor reads (issue 12's load test).
MAIN_PAGES = [
    "/",
    "/maisons/les-ors/",
    "/activites/",
    "/agenda/",
    "/actualites/",
    "/evaluation/2019/",
    "/documents/",
    "/recherche/?q=jardin",
]


def production_env(site, static_root):
    """The environment of a production server (DEBUG off) for `site`, on plain loopback HTTP."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("COOP_TEST_MEDIA_ROOT", None)
    env.update(
        DJANGO_SETTINGS_MODULE="coop_site.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",  # loopback, no TLS proxy in front
        DJANGO_LOG_LEVEL="ERROR",
        STATIC_ROOT=str(static_root),
        **site,
    )
    return env


def collectstatic(static_root):
    env = production_env({"DATABASE_URL": "sqlite:///:memory:"}, static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


def port_answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


class Gunicorn:
    """`gunicorn coop_site.wsgi` as the README's systemd unit runs it (gthread workers)."""

    def __init__(self, env, port, *, workers=2, threads=4, log=None):
        self.env = env
        self.port = port
        self.workers = workers
        self.threads = threads
        self.log = log
        self.process = None

    def __enter__(self):
        if port_answers(self.port):
            raise RuntimeError(f"le port {self.port} est déjà pris")
        command = [
            sys.executable, "-m", "gunicorn", "coop_site.wsgi",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers), "--worker-class", "gthread",
            "--threads", str(self.threads), "--timeout", "60", "--log-level", "warning",
        ]  # fmt: skip
        output = open(self.log, "w") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn s'est arrêté ({self.process.returncode}) : {self.log}"
                )
            status, _ = request(self.port, "/healthz")
            if status == 200:
                return self
            time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn ne répond pas sur le port {self.port}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def worker_pids(self):
        """The pids of the master's children (its workers)."""
        pids = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == str(self.process.pid):  # the parent's pid
                pids.add(int(stat.parent.name))
        return pids


# A visitor who carries a cookie is never answered from the page cache
# (coop_site/page_cache.py): their requests reach the database.
WITH_A_COOKIE = {"Cookie": "visite=1"}


def request(port, path, *, timeout=60, headers=None):
    """(status, headers) of one GET; status None and the error on a socket error."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close", **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    except (OSError, http.client.HTTPException) as error:
        return None, repr(error)
    finally:
        connection.close()


@dataclass
class Hit:
    started: float
    ended: float
    path: str
    status: int | None
    detail: object  # headers, or the socket error
    cookie: bool = False  # sent with a cookie: never from the page cache


def drive(port, paths, *, clients, duration, events=None):
    """`clients` threads GET `paths` in turn for `duration` seconds; every Hit, in order.

    Every other client sends a cookie, so half the load is rendered by the
    site and half may come from its page cache, as real traffic mixes them.

    `events`, if given, is called once from the calling thread while the load runs
    (the fault test restarts the database there); the load lasts at least `duration`.
    """
    hits = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(number):
        index = number
        while not stop.is_set():
            path = paths[index % len(paths)]
            index += 1
            cookie = number % 2 == 1
            started = time.monotonic()
            status, detail = request(port, path, headers=WITH_A_COOKIE if cookie else None)
            hit = Hit(started, time.monotonic(), path, status, detail, cookie)
            with lock:
                hits.append(hit)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    if events is not None:
        events()
    remaining = duration - (time.monotonic() - begin)
    if remaining > 0:
        time.sleep(remaining)
    stop.set()
    for thread in threads:
        thread.join(timeout=90)
    return sorted(hits, key=lambda hit: hit.started)


def summary(hits):
    return Counter(hit.status if hit.status is not None else "erreur réseau" for hit in hits)


# --- A throwaway PostgreSQL -----------------------------------------------------------


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own in a temporary folder, on its own port.

    PostgreSQL refuses to run as root: as root, the cluster belongs to the
    `postgres` user and its programs run through `runuser`.
    """

    def __init__(self, port):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="coop-ops-pg-"))
        self.data = self.folder / "data"
        self.logfile = self.folder / "postgresql.log"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(self.folder, account.pw_uid, account.pw_gid)

    def run(self, program, *args, timeout=60):
        command = [str(PG_BIN / program), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def __enter__(self):
        if port_answers(self.port):
            raise RuntimeError(f"le port {self.port} est déjà pris")
        self.run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.start()
        return self

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-o", options, "-w", "start"
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def __exit__(self, *exc):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.folder, ignore_errors=True)

    def create_database(self, name):
        import psycopg2

        connection = psycopg2.connect(
            dbname="postgres", user="postgres", host="127.0.0.1", port=self.port
        )
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()


# --- A browser that keeps its cookies -------------------------------------------------


class Browser:
    """Cookies kept across requests and servers, as one browser behind one address.

    Cookies are sent back over plain loopback HTTP although production marks
    them `Secure` (a browser would only send them over HTTPS, to the proxy).
    `host` is the name the reverse proxy would pass to every app server.
    """

    def __init__(self, host="localhost"):
        self.host = host
        self.cookies = {}

    def send(self, port, method, path, *, body=None, headers=None, timeout=60):
        """(status, headers, body bytes) of one request."""
        sent = {"Host": self.host, "Connection": "close", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    self.cookies.update(
                        {key: morsel.value for key, morsel in SimpleCookie(value).items()}
                    )
            return response.status, dict(response.getheaders()), content
        finally:
            connection.close()

    def get(self, port, path, **kwargs):
        return self.send(port, "GET", path, **kwargs)

    def post(self, port, path, fields, *, files=None, headers=None):
        """A form posted as a browser does: urlencoded, or multipart with `files`
        ({name: (filename, content type, bytes)})."""
        if files:
            boundary = secrets.token_hex(16)
            body = multipart(fields, files, boundary)
            kind = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(fields, doseq=True).encode()
            kind = "application/x-www-form-urlencoded"
        return self.send(
            port, "POST", path, body=body, headers={"Content-Type": kind, **(headers or {})}
        )

    def log_in(self, port, username, password, admin="/admin/"):
        self.get(port, f"{admin}login/")
        status, headers, _ = self.post(
            port,
            f"{admin}login/",
            {
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
                "username": username,
                "password": password,
                "next": admin,
            },
        )
        assert status == 302 and "sessionid" in self.cookies, (status, headers)

    def upload_to_media_library(self, port, filename, content_type, data):
        """A file sent through filer's own uploader, as its admin page does; filer's JSON answer."""
        status, _, body = self.post(
            port,
            "/admin/filer/clipboard/operations/upload/no_folder/",
            {},
            files={"file": (filename, content_type, data)},
            headers={"X-CSRFToken": self.cookies["csrftoken"]},
        )
        assert status == 200, body
        return json.loads(body)


def multipart(fields, files, boundary):
    parts = []
    for name, values in fields.items():
        for value in values if isinstance(values, list) else [values]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
    for name, (filename, content_type, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def run_sql(env, statement, *params):
    """One statement on the site's database, bypassing the site; its first row, if any."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(env["DATABASE_URL"])
    opened = psycopg2.connect(
        dbname=config["NAME"], user=config["USER"], host=config["HOST"], port=config["PORT"]
    )
    with opened, opened.cursor() as cursor:
        cursor.execute(statement, params)
        found = cursor.fetchone() if cursor.description else None
    opened.close()
    return found


def png(size=(64, 48)):
    """A real PNG picture."""
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(output, "PNG")
    return output.getvalue()
