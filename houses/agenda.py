"""The week of the agenda, day by day: events, regular activities and closed houses.

`parse_week` reads the `?semaine=` parameter; `week_days` runs a fixed number of
queries (events, activities and their houses, closures) whatever the week holds.
"""

import dataclasses
import datetime

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from coop_site.lists import FilterForm

from .forms import house_choices
from .hours import PARIS
from .models import Activity, Closure, Event

FIRST_YEAR, LAST_YEAR = 2000, 2100


def add_months(day, months):
    """The first day of the month `months` after (or before) `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def parse_week(value):
    """The Monday of `value`: an ISO week ("2026-W50") or any day of it ("2026-12-07").

    Raises ValueError for anything else, or a year outside FIRST_YEAR..LAST_YEAR.
    """
    value = (value or "").strip()
    try:
        if "W" in value.upper():
            year, week = value.upper().split("-W")
            day = datetime.date.fromisocalendar(int(year), int(week), 1)
        else:
            day = datetime.date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise ValueError(value) from error
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(value)
    return monday_of(day)


def week_param(monday):
    """The `?semaine=` value of a week: "2026-W50"."""
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


class WeekFilterForm(FilterForm):
    """The week's one filter: a house (`?maison=slug`); an unknown one is reported and ignored."""

    maison = forms.ChoiceField(label=_("Maison"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maison"].choices = house_choices()

    def house(self):
        """(slug, short name) of the chosen house, or ("", "")."""
        slug = self.filters().get("maison", "")
        return slug, dict(self.fields["maison"].choices)[slug] if slug else ""


@dataclasses.dataclass
class ActivitySlot:
    activity: Activity
    houses: list  # the houses where it happens that day (closed ones left out)


@dataclasses.dataclass
class Day:
    date: datetime.date
    is_today: bool
    events: list
    activities: list  # of ActivitySlot
    closures: list  # the closures in force that day (one per closed house)


def week_days(monday, *, today, house_slug=None):
    """Seven `Day`s, Monday to Sunday (Europe/Paris), for every house or only one (its slug)."""
    sunday = monday + datetime.timedelta(days=6)
    start = datetime.datetime.combine(monday, datetime.time.min, tzinfo=PARIS)
    end = start + datetime.timedelta(days=7)

    events = Event.objects.with_related().filter(starts_at__lt=end, ends_at__gte=start)
    activities = Activity.objects.current().filter(weekday__isnull=False)
    closures = Closure.objects.filter(
        kind=Closure.Kind.CLOSED, starts_on__lte=sunday, ends_on__gte=monday
    ).select_related("house")
    if house_slug:
        events = events.filter(Q(organiser__slug=house_slug) | Q(place_house__slug=house_slug))
        activities = activities.filter(houses__slug=house_slug)
        closures = closures.filter(house__slug=house_slug)
    events = list(events.order_by("starts_at", "pk"))
    activities = list(
        activities.prefetch_related("houses").order_by(
            F("starts_at_time").asc(nulls_last=True), "title", "pk"
        )
    )
    closures = list(closures.order_by("house__order", "house__name", "starts_on"))

    days = []
    for offset in range(7):
        day = monday + datetime.timedelta(days=offset)
        day_closures = []
        for closure in closures:
            if closure.covers(day) and all(c.house_id != closure.house_id for c in day_closures):
                day_closures.append(closure)
        closed = {c.house_id for c in day_closures}
        slots = []
        for activity in activities:
            if activity.weekday != day.weekday():
                continue
            houses = [h for h in activity.houses.all() if h.pk not in closed]
            if house_slug:
                houses = [h for h in houses if h.slug == house_slug]
            if houses:
                slots.append(ActivitySlot(activity, houses))
        days.append(
            Day(
                date=day,
                is_today=day == today,
                events=[e for e in events if _covers(e, day)],
                activities=slots,
                closures=day_closures,
            )
        )
    return days


def _covers(event, day):
    """Does `event` take place on `day` (Paris)? A two-day event shows on both days."""
    return event.starts_at.astimezone(PARIS).date() <= day <= event.ends_at.astimezone(PARIS).date()
