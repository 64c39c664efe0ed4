"""The demo, built once per test run and replayed in each test that uses it.

`manage.py load_demo` takes seconds (pictures, PDF covers, thumbnails, a few
thousand rows); about a hundred tests start from it. The first of them runs
the command for real; what it changed is kept: the rows it inserted, updated
or deleted in every table, and the files it wrote beside the test's media
folder. Each later test replays exactly that, inside its own transaction, so
it starts from the same data as `load_demo` gives, in a fraction of the time.

Only for tests inside a transaction (the common `db` case): there the tables
hold the same base rows (content types, permissions, groups) in every test,
so the replayed rows point at the right ones. A transactional test (a live
server, a browser) flushes the database, which makes these base rows again
with new ids: it runs `load_demo` itself (tests/conftest.py, `demo`).
"""

import datetime
import decimal
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

FOLDERS = ("media", "private")  # under the parent of MEDIA_ROOT (evaluation/storage.py)

_snapshot = None


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
        for table, (pk, columns, rows) in after.items():
            old = before[table][2]
            inserted = [row for key, row in rows.items() if key not in old]
            updated = [row for key, row in rows.items() if key in old and _differ(old[key], row)]
            deleted = [key for key in old if key not in rows]
            if inserted or updated or deleted:
                self.changes.append((table, pk, columns, inserted, updated, deleted))

    def fits(self):
        """False when rows made before the demo in this test hold ids the demo's rows need."""
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table, pk, columns, inserted, _updated, _deleted in self.changes:
                index = columns.index(pk)
                keys = [row[index] for row in inserted]
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    cursor.execute(
                        f"SELECT 1 FROM {quote(table)} WHERE {quote(pk)} IN "
                        f"({', '.join(['%s'] * len(chunk))}) LIMIT 1",
                        chunk,
                    )
                    if cursor.fetchone():
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


def load(build, *, media_root):
    """The demo in the current transaction: built by `build()` the first time, replayed after."""
    global _snapshot
    if _snapshot is not None and _snapshot.fits():
        _snapshot.replay(media_root)
        return
    if _snapshot is not None:
        build()  # rows of this test's own fixtures hold the ids: the real command, as before
        return
    before = _state()
    build()
    after = _state()
    files = Path(tempfile.mkdtemp(prefix="coop-demo-files-"))
    parent = Path(media_root).parent
    for folder in FOLDERS:
        if (parent / folder).exists():
            shutil.copytree(parent / folder, files / folder)
    _snapshot = Snapshot(before, after, files)
