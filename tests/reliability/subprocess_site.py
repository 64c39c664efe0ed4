"""Run the site in a child process with its own environment (another database,
another media folder) and fetch pages through Django's test client there.

The child reads its settings from the environment at start-up exactly as a
server does, which the test process (already configured) cannot do again.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_FETCH = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
import hashlib
out = []
if len(sys.argv) > 2:  # the row count of every table, before any page is rendered
    from coop_site.backup import row_counts
    out.append(row_counts())
for path in json.loads(sys.argv[1]):
    response = client.get(path)
    raw = b"".join(response) if response.streaming else response.content
    out.append({
        "sha256": hashlib.sha256(raw).hexdigest(),
        "path": path,
        "status": response.status_code,
        "headers": dict(response.headers.items()),
        "cookies": sorted(response.cookies.keys()),
        "body": raw.decode("utf-8", "replace"),
    })
print("@@RESULT@@" + json.dumps(out))
"""


def child_env(**overrides):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "coop_site.settings_test"}
    env.update({key: str(value) for key, value in overrides.items()})
    if "MEDIA_ROOT" in overrides:  # settings_test reads its own variable
        env["COOP_TEST_MEDIA_ROOT"] = str(overrides["MEDIA_ROOT"])
    return env


def fetch(paths, *, timeout=120, with_counts=False, **env):
    """GET each path in a fresh Django process; a list of dicts (status, headers, cookies, body).

    With `with_counts`, the list starts with the row count of every table (before any page
    is rendered: rendering may add thumbnails).
    """
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _FETCH,
            json.dumps(list(paths)),
            *(["counts"] if with_counts else []),
        ],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    marker = result.stdout.rfind("@@RESULT@@")
    if result.returncode != 0 or marker < 0:
        raise AssertionError(f"the child site failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout[marker + len("@@RESULT@@") :])


def manage(*args, timeout=300, check=True, **env):
    """`manage.py ARGS` in a child process; the CompletedProcess (text output)."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result
