"""iCalendar feeds of the agenda (RFC 5545), built with the `icalendar` package."""

import datetime

import icalendar
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone

from coop_site.seo import absolute_url

from .agenda import add_months
from .hours import PARIS

# UIDs must never change, whatever the site's host name: a calendar app uses
# them to update an event instead of duplicating it. No "@" in them, so that
# address harvesters do not mistake them for e-mail addresses.
UID_DOMAIN = "maisonsdequartier-romans.fr"
REFRESH = datetime.timedelta(hours=12)
# What a subscription carries: the last 3 months and the next 12, bounded in
# the query however long the agenda grows. `?depuis=AAAA-MM` starts earlier,
# at most 10 years back.
MONTHS_BACK, MONTHS_AHEAD, MAX_YEARS_BACK = 3, 12, 10
SINCE_PARAMETER = "depuis"


class FeedWindowError(ValueError):
    """`?depuis=` is not a month the feeds can start at; the message says why, in French."""


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=PARIS)


def feed_window(since=None, now=None):
    """(start, end) of the events a feed lists; `since` is the `?depuis=` text or None."""
    today = timezone.localtime(now or timezone.now(), PARIS).date()
    default_start = _midnight(add_months(today, -MONTHS_BACK))
    end = _midnight(add_months(today, MONTHS_AHEAD + 1))
    if not since:
        return default_start, end
    try:
        start = _midnight(datetime.datetime.strptime(since, "%Y-%m").date())
    except ValueError:
        raise FeedWindowError(
            f"Le paramètre « {SINCE_PARAMETER} » attend un mois au format AAAA-MM "
            "(par exemple 2024-09)."
        ) from None
    earliest = _midnight(add_months(today, -12 * MAX_YEARS_BACK))
    if start < earliest:
        raise FeedWindowError(
            f"Le flux remonte au plus à {MAX_YEARS_BACK} ans : "
            f"{SINCE_PARAMETER}={earliest:%Y-%m} ou plus récent."
        )
    return min(start, default_start), end


def event_uid(event):
    return f"{UID_DOMAIN}-evenement-{event.pk}"


def build_calendar(events, *, request, name):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Coopération des Maisons de Quartier de Romans//Agenda//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # Name and refresh rate, in RFC 7986's terms and in the older X- ones that
    # Outlook and Apple Calendar read: a subscribed agenda is read again twice a day.
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH).to_ical().decode())
    stamp = timezone.now().astimezone(datetime.UTC)
    for event in events:
        cal.add_component(build_event(event, request=request, stamp=stamp))
    # One VTIMEZONE for Europe/Paris, with its DST rules.
    cal.add_missing_timezones()
    return cal


def build_event(event, *, request, stamp):
    item = icalendar.Event()
    item.add("uid", event_uid(event))
    item.add("dtstamp", stamp)
    item.add("summary", event.title)
    if event.is_all_day:
        start = event.starts_at.astimezone(PARIS).date()
        end = event.ends_at.astimezone(PARIS).date() + datetime.timedelta(days=1)
        item.add("dtstart", start)
        item.add("dtend", end)
    else:
        item.add("dtstart", event.starts_at.astimezone(PARIS))
        item.add("dtend", event.ends_at.astimezone(PARIS))
    location = ", ".join(p for p in [event.place_label, event.place_full_address] if p)
    if event.place_house_id and event.place_house.full_address:
        location = f"{event.place_house.name}, {event.place_house.full_address}"
    if location:
        item.add("location", location)
    # ORGANIZER needs an e-mail address, which the site never publishes.
    organiser = f"Organisé par : {event.organiser.name}"
    description = "\n\n".join(p for p in [event.description, event.registration, organiser] if p)
    if description:
        item.add("description", description)
    url = event.get_absolute_url()
    if url:
        # On the site's configured domain, like the page's canonical URL.
        item.add("url", absolute_url(request, url))
    item.add("categories", [str(event.get_theme_display())])
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def feed_response(events, *, request, name, filename):
    """A subscription feed: `events` narrowed to the feed's window (see feed_window)."""
    try:
        start, end = feed_window(request.GET.get(SINCE_PARAMETER))
    except FeedWindowError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    return ics_response(events.between(start, end), request=request, name=name, filename=filename)


def ics_response(events, *, request, name, filename):
    cal = build_calendar(events, request=request, name=name)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
