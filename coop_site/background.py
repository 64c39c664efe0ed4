"""Slow work leaves the request: reading a PDF's text, drawing its cover, sending an e-mail.

A task (django-tasks) is enqueued once the save commits. The queue is the
database (worked by `manage.py worker`: beside the server in `make run`,
deploy/coop-site-worker.service in production), or RQ when REDIS_URL is
set; the page answers at once and the worker does the work a moment later.
The tests run each task right after the commit, in the same process
(settings_test). Either way a failure is recorded and tried again, never
lost: on the object for a PDF (`evaluation_retry`), on the e-mail for the
outbox (outbox/services.py).
"""

from django.db import transaction


def enqueue_after_commit(task, *args):
    """Run `task(*args)` in the background once the current transaction commits."""
    transaction.on_commit(lambda: task.enqueue(*args))
