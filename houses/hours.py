"""Opening hours of a house, as pure functions: open now, next opening, the weekly table.

They read slots and closures already loaded (`OpeningHours`, `Closure` or
anything with the same attributes) and a clock passed in: no query, no import
of the models, so the models can call them.
"""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
# How far ahead "next opening" looks: beyond the longest summer closure.
LOOKAHEAD_DAYS = 70


@dataclasses.dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    closes_at: datetime.datetime | None  # when open: today's closing time (Paris)
    next_opening: datetime.datetime | None  # when closed: the next opening (Paris)
    closure: object | None = None  # the closure in force now, if any


def day_intervals(*, day, slots, closures):
    """The (opens, closes) local times of `day`, after exceptional closures and openings.

    An exceptional opening replaces the weekly slots of its days; a closure
    empties them. When both cover a day, the closure wins (safer for a visitor).
    """
    covering = [c for c in closures if c.covers(day)]
    if any(c.is_closure for c in covering):
        return []
    openings = [c for c in covering if c.is_opening]
    if openings:
        return sorted((c.opens, c.closes) for c in openings)
    return sorted((s.opens, s.closes) for s in slots if s.weekday == day.weekday())


def _local(day, time):
    """A wall-clock time in Paris; on the night of a DST change, zoneinfo picks the right offset."""
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def opening_status(*, slots, closures, now):
    """Is the house open at `now`, and if not, when does it open next? (Europe/Paris)"""
    slots = list(slots)
    closures = list(closures)
    local_now = now.astimezone(PARIS)
    today = local_now.date()
    closure_now = next((c for c in closures if c.is_closure and c.covers(today)), None)
    for opens, closes in day_intervals(day=today, slots=slots, closures=closures):
        start, end = _local(today, opens), _local(today, closes)
        if start <= local_now < end:
            return OpeningStatus(True, end, None, None)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        for opens, _closes in day_intervals(day=day, slots=slots, closures=closures):
            start = _local(day, opens)
            if start > local_now:
                return OpeningStatus(False, None, start, closure_now)
    return OpeningStatus(False, None, None, closure_now)


def weekly_table(*, slots, today):
    """Seven rows, Monday first: (weekday number, slots of that day, is today)."""
    slots = list(slots)
    return [
        (weekday, [s for s in slots if s.weekday == weekday], weekday == today.weekday())
        for weekday in range(7)
    ]
