"""On SQLite (the embedded default), two writers at once wait for each other.

The site and its background worker (`manage.py db_worker`) both read, then
write, inside a transaction. SQLite's default (deferred) transactions make
the second writer fail at once with "database is locked": a staff member's
save answered 500 while the worker polled its queue. The site's settings
start every transaction as a writer (`BEGIN IMMEDIATE`) and wait up to 20 s
for the lock. Run in a child process with the site's settings on a file of
the test's own, away from the test database.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db  # the suite's autouse fixtures clear the CMS menu cache
ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import threading, time
import django
django.setup()
from django.db import OperationalError, connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE queue (n integer)")
connection.close()
errors = []

def read_then_write(number):
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM queue")
            time.sleep(0.3)  # the other one reads meanwhile
            cursor.execute("INSERT INTO queue VALUES (%s)", [number])
    except OperationalError as error:
        errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=read_then_write, args=(n,)) for n in (1, 2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM queue")
    print("rows", cursor.fetchone()[0], "errors", errors)
"""


def test_two_writers_at_once_wait_for_each_other_instead_of_failing(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coop_site.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "rows 2 errors []"
