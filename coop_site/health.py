"""`/healthz`: does the site's database, cache and media storage answer?

For a load balancer, a monitor or systemd: 200 and
`{"database": "ok", "cache": "ok", "storage": "ok"}` when all three answer, 503
naming the failing part otherwise (`"database": "indisponible"`).

It is answered by a middleware at the top of the stack, not by a URL: every
other middleware may touch what is being checked (django CMS's apphook
middleware reads the database on each request, the session and language
middlewares may set cookies), so the probe goes through none of them. It is never
cached (`Cache-Control: no-store`) and never sets a cookie.
"""

import json
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.http import HttpResponse

PATH = "/healthz"
OK = "ok"
DOWN = "indisponible"


def check_database():
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        # A broken connection must not be reused by the next request of this thread.
        connection.close_if_unusable_or_obsolete()
        raise


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("le cache ne rend pas la valeur écrite")
    finally:
        cache.delete(key)


def check_storage():
    # At the top of the storage, so that no folder is left behind once deleted.
    name = default_storage.save(f".healthz-{uuid.uuid4().hex}", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as stored:
            if stored.read() != b"ok":
                raise RuntimeError("le stockage ne rend pas le fichier écrit")
    finally:
        default_storage.delete(name)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def health():
    """Each part's state, "ok" or "indisponible"."""
    states = {}
    for part, check in CHECKS.items():
        try:
            check()
        except Exception:
            states[part] = DOWN
        else:
            states[part] = OK
    return states


def healthz(request):
    states = health()
    status = 200 if all(state == OK for state in states.values()) else 503
    body = "" if request.method == "HEAD" else json.dumps(states)
    response = HttpResponse(body, status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers GET and HEAD `/healthz` before any other middleware runs (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in {"GET", "HEAD"}:
            return healthz(request)
        return self.get_response(request)
