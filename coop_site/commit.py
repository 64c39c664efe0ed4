"""Work done once when the transaction commits, however many saves ask for it.

A page saved with twenty blocks sends twenty signals in one transaction; what
follows from them (the search index renders the page, every cached page goes
stale) needs doing once, after the commit, from the rows other visitors see
from then on. Outside a transaction, the work is done at once, as Django's
`transaction.on_commit` does.
"""

import threading

from django.db import transaction

_state = threading.local()


class _Wave:
    """The work asked for in one transaction: each key runs once when it commits."""

    def __init__(self):
        self.started = False
        self.done = set()

    def run(self, key, function):
        self.started = True
        if key not in self.done:
            self.done.add(key)
            function()


def _wave():
    # A wave that has started belongs to a transaction that committed; one
    # rolled back never starts, and its keys were never marked done.
    wave = getattr(_state, "wave", None)
    if wave is None or wave.started:
        wave = _state.wave = _Wave()
    return wave


def once_on_commit(key, function):
    """Run `function()` after the commit, once for all the calls with this `key`."""
    wave = _wave()
    transaction.on_commit(lambda: wave.run(key, function))
