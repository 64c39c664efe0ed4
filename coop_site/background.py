"""Slow work leaves the request: reading a PDF's text, drawing its cover.

A task (django-tasks) is enqueued once the save commits. With the database
backend (`COOP_TASKS=database`, what production uses, the worker
`manage.py db_worker` running as deploy/coop-site-worker.service), the page
answers at once and the worker does the work a moment later; with the
default immediate backend (the demo, the tests), it runs right after the
commit, in the same request. Either way a failure is flagged on the object
and retried, never lost.
"""

from django.db import transaction


def enqueue_after_commit(task, *args):
    """Run `task(*args)` in the background once the current transaction commits."""
    transaction.on_commit(lambda: task.enqueue(*args))
