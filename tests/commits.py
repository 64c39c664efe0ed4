"""The work a commit does, inside a test's transaction.

Some writes finish when their transaction commits (`transaction.on_commit`):
the search index renders each changed object once then. A test runs inside
one transaction that is rolled back, never committed; `committed()` runs that
work where a visitor's later request would find it done.
"""

from django.db import connection


def committed():
    while connection.run_on_commit:
        callbacks, connection.run_on_commit = connection.run_on_commit, []
        for _savepoints, callback, _robust in callbacks:
            callback()
