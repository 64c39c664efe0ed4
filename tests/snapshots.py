"""Data the suite builds often, built once per test run and replayed after.

`manage.py load_demo` takes seconds (pictures, PDF covers, thumbnails, a few
thousand rows), the houses' pages most of a second; hundreds of tests start
from one or the other. The first of them builds it for real; what the build
changed is kept: the rows it inserted, updated or deleted in every table, and
the files it wrote beside the test's media folder. Each later test replays
exactly that, inside its own transaction, in a fraction of the time.

Replayed only where it gives what the build would:
- in a test inside a transaction (the common `db` case), where the tables hold
  the same base rows (content types, permissions, groups) in every test, so
  the replayed rows point at the right ones. A transactional test (a live
  server, a browser) flushes the database, which makes these base rows again
  with new ids: it builds for real;
- when every table the build changed holds the rows it held before the first
  build. A test that made a page of its own first gets the real build, which
  finds that page, where a replay would add a second one.
"""

import datetime
import decimal
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from tests.commits import committed

FOLDERS = ("media", "private")  # under the parent of MEDIA_ROOT (evaluation/storage.py)

_snapshots = {}  # {name: Snapshot}


def _tables():
    """{table: primary key column} of every model, many-to-many tables included."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            tables[model._meta.db_table] = model._meta.pk.column
    existing = set(connection.introspection.table_names())
    return {table: pk for table, pk in tables.items() if table in existing}


JSON_TYPES = {114, 3802}  # PostgreSQL's json and jsonb: read as Python values, written back as JSON


def _read(cursor, table, pk):
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
    columns = [description[0] for description in cursor.description]
    json_columns = [
        i for i, description in enumerate(cursor.description) if description[1] in JSON_TYPES
    ]
    index = columns.index(pk)
    rows = cursor.fetchall()
    if json_columns and connection.vendor == "postgresql":
        from psycopg2.extras import Json

        rows = [
            tuple(Json(v) if i in json_columns and v is not None else v for i, v in enumerate(row))
            for row in rows
        ]
    if connection.vendor == "sqlite":  # Django's converters read dates and decimals as objects
        rows = [tuple(_sqlite_value(value) for value in row) for row in rows]
    return columns, {row[index]: row for row in rows}


def _sqlite_value(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _state():
    """{table: (primary key column, columns, {pk: row})} of every table."""
    with connection.cursor() as cursor:
        return {table: (pk, *_read(cursor, table, pk)) for table, pk in _tables().items()}


def _plain(row):
    """The row's values, a JSON column's wrapper (psycopg2's Json) unwrapped for comparison."""
    return [getattr(value, "adapted", value) for value in row]


def _differ(old, new):
    return _plain(old) != _plain(new)


class Snapshot:
    def __init__(self, before, after, files):
        self.files = files
        self.changes = []  # (table, pk column, columns, inserted, updated, deleted pks)
        self.keys_before = {}  # {changed table: its primary keys before the build}
        for table, (pk, columns, rows) in after.items():
            old = before[table][2]
            inserted = [row for key, row in rows.items() if key not in old]
            updated = [row for key, row in rows.items() if key in old and _differ(old[key], row)]
            deleted = [key for key in old if key not in rows]
            if inserted or updated or deleted:
                self.changes.append((table, pk, columns, inserted, updated, deleted))
                self.keys_before[table] = set(old)

    def fits(self):
        """True when each table the build changed holds the same rows as before it."""
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table, pk, _columns, _inserted, _updated, _deleted in self.changes:
                cursor.execute(f"SELECT {quote(pk)} FROM {quote(table)}")
                if {row[0] for row in cursor.fetchall()} != self.keys_before[table]:
                    return False
        return True

    def replay(self, media_root):
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table, pk, columns, inserted, updated, deleted in self.changes:
                name = quote(table)
                if deleted:
                    cursor.executemany(
                        f"DELETE FROM {name} WHERE {quote(pk)} = %s", [(key,) for key in deleted]
                    )
                if updated:
                    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
                    index = columns.index(pk)
                    cursor.executemany(
                        f"UPDATE {name} SET {assignments} WHERE {quote(pk)} = %s",
                        [(*row, row[index]) for row in updated],
                    )
                if inserted:
                    placeholders = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f"INSERT INTO {name} ({', '.join(map(quote, columns))}) "
                        f"VALUES ({placeholders})",
                        inserted,
                    )
            # Rows inserted with their ids leave PostgreSQL's sequences behind.
            filled = {table for table, _pk, _columns, inserted, *_rest in self.changes if inserted}
            models = [
                model
                for model in apps.get_models(include_auto_created=True)
                if model._meta.db_table in filled
            ]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        # What the command's signals would have cleared, in this process.
        from django.contrib.sites.models import Site

        Site.objects.clear_cache()
        parent = Path(media_root).parent
        for folder in FOLDERS:
            source = self.files / folder
            if source.exists():
                shutil.copytree(source, parent / folder, dirs_exist_ok=True)


def _build_and_commit(build):
    # What the build leaves for its commit (the search index, the reports'
    # covers) is done too, so that a replay holds it.
    build()
    committed()


def replayed(name, build):
    """`build()` and its commit in the current test: for real the first time,
    replayed after when it fits."""
    from django.conf import settings

    if not connection.in_atomic_block:
        build()
        return
    snapshot = _snapshots.get(name)
    if snapshot is not None:
        if snapshot.fits():
            snapshot.replay(settings.MEDIA_ROOT)
        else:
            _build_and_commit(build)
        return
    before = _state()
    _build_and_commit(build)
    after = _state()
    files = Path(tempfile.mkdtemp(prefix=f"coop-{name}-files-"))
    parent = Path(settings.MEDIA_ROOT).parent
    for folder in FOLDERS:
        if (parent / folder).exists():
            shutil.copytree(parent / folder, files / folder)
    _snapshots[name] = Snapshot(before, after, files)
