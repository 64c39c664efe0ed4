"""'Open now?' and 'next opening' in Europe/Paris, with a clock passed explicitly."""

import datetime

import pytest

from houses.hours import PARIS, opening_status
from houses.models import Closure, OpeningHours

# The functions are pure; the database is only there for the suite's autouse fixtures.
pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def slot(weekday, opens, closes):
    return OpeningHours(
        weekday=weekday,
        opens=datetime.time.fromisoformat(opens),
        closes=datetime.time.fromisoformat(closes),
    )


# Monday to Friday, 9:00-12:00 and 13:30-18:30.
WEEK = [slot(day, o, c) for day in range(5) for o, c in (("09:00", "12:00"), ("13:30", "18:30"))]


def at_paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def test_open_on_a_weekday_during_hours():
    # Tuesday 1 December 2026, 10:00 in Paris.
    status = opening_status(slots=WEEK, closures=[], now=at_paris(2026, 12, 1, 10, 0))

    assert status.is_open
    assert status.closes_at == at_paris(2026, 12, 1, 12, 0)
    assert status.next_opening is None


def test_closed_between_two_slots_reopens_the_same_afternoon():
    status = opening_status(slots=WEEK, closures=[], now=at_paris(2026, 12, 1, 12, 30))

    assert not status.is_open
    assert status.next_opening == at_paris(2026, 12, 1, 13, 30)


def test_closing_time_itself_is_closed():
    status = opening_status(slots=WEEK, closures=[], now=at_paris(2026, 12, 1, 18, 30))

    assert not status.is_open
    assert status.next_opening == at_paris(2026, 12, 2, 9, 0)


def test_closed_on_sunday_opens_on_monday_morning():
    status = opening_status(slots=WEEK, closures=[], now=at_paris(2026, 11, 29, 15, 0))

    assert not status.is_open
    assert status.next_opening == at_paris(2026, 11, 30, 9, 0)


def test_the_clock_is_read_in_paris_time_whatever_its_zone():
    # 8:30 UTC on a winter Tuesday is 9:30 in Paris: open.
    now = datetime.datetime(2026, 12, 1, 8, 30, tzinfo=UTC)

    assert opening_status(slots=WEEK, closures=[], now=now).is_open


def test_a_closure_period_closes_the_house_until_it_ends():
    holidays = Closure(
        kind=Closure.Kind.CLOSED,
        starts_on=datetime.date(2026, 12, 24),
        ends_on=datetime.date(2027, 1, 1),
        reason="Vacances de fin d'année",
    )

    # Thursday 24 December at 10:00 would be open on a normal week.
    status = opening_status(slots=WEEK, closures=[holidays], now=at_paris(2026, 12, 24, 10, 0))

    assert not status.is_open
    assert status.closure is holidays
    # Friday 1 January is still closed; the weekend follows: Monday 4 January.
    assert status.next_opening == at_paris(2027, 1, 4, 9, 0)


def test_an_exceptional_opening_replaces_the_weekly_slots():
    open_day = Closure(
        kind=Closure.Kind.OPEN,
        starts_on=datetime.date(2026, 12, 5),
        ends_on=datetime.date(2026, 12, 5),
        opens=datetime.time(14, 0),
        closes=datetime.time(17, 0),
        reason="Portes ouvertes",
    )

    # Saturday 5 December.
    morning = opening_status(slots=WEEK, closures=[open_day], now=at_paris(2026, 12, 5, 10, 0))
    afternoon = opening_status(slots=WEEK, closures=[open_day], now=at_paris(2026, 12, 5, 15, 0))

    assert not morning.is_open and morning.next_opening == at_paris(2026, 12, 5, 14, 0)
    assert afternoon.is_open and afternoon.closes_at == at_paris(2026, 12, 5, 17, 0)


def test_no_hours_at_all_means_closed_with_no_next_opening():
    status = opening_status(slots=[], closures=[], now=at_paris(2026, 12, 1, 10, 0))

    assert not status.is_open and status.next_opening is None


def test_night_of_the_spring_change_next_opening_is_in_summer_time():
    # Sunday 29 March 2026: at 2:00 the clocks jump to 3:00 (UTC+1 -> UTC+2).
    now = datetime.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 1:30 in Paris

    status = opening_status(slots=WEEK, closures=[], now=now)

    assert not status.is_open
    # Monday 9:00 in Paris is 7:00 UTC in summer time, not 8:00.
    assert status.next_opening == datetime.datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_a_night_opening_across_the_spring_change_lasts_one_hour_less():
    night = Closure(
        kind=Closure.Kind.OPEN,
        starts_on=datetime.date(2026, 3, 29),
        ends_on=datetime.date(2026, 3, 29),
        opens=datetime.time(1, 0),
        closes=datetime.time(4, 0),
        reason="Nuit des quartiers",
    )
    before_change = datetime.datetime(2026, 3, 29, 0, 50, tzinfo=UTC)  # 1:50 winter time
    after_change = datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 3:30 summer time

    first = opening_status(slots=[], closures=[night], now=before_change)
    second = opening_status(slots=[], closures=[night], now=after_change)

    assert first.is_open and second.is_open
    assert second.closes_at == datetime.datetime(2026, 3, 29, 2, 0, tzinfo=UTC)
    assert (
        opening_status(
            slots=[], closures=[night], now=datetime.datetime(2026, 3, 29, 2, 0, tzinfo=UTC)
        ).is_open
        is False
    )


def test_night_of_the_autumn_change_next_opening_is_in_winter_time():
    # Sunday 25 October 2026: at 3:00 the clocks go back to 2:00 (UTC+2 -> UTC+1).
    now = datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 2:30 CEST in Paris

    status = opening_status(slots=WEEK, closures=[], now=now)

    assert not status.is_open
    assert status.next_opening == datetime.datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
