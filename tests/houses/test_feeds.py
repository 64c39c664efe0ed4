"""The iCalendar feeds, read back with the `icalendar` package as a calendar app would."""

import datetime
import re

import icalendar
import pytest
from django.utils import timezone

from houses.agenda import add_months

from .factories import make_event, make_house, paris

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def assert_ical_links(html, path, domain="example.com"):
    """The subscription block of `path`: webcal link, download link, the address to copy."""
    block = html.split('<div class="ical-links flow" data-copy-link>')[1].split("</div>")[0]
    assert re.search(
        rf'<a class="button" href="webcal://{domain}{re.escape(path)}">S\S+abonner dans mon agenda',
        block,
    )
    assert re.search(
        rf'<a class="button button--secondary" href="{re.escape(path)}" download>'
        r"Télécharger \(\.ics\)",
        block,
    )
    assert f"<code data-copy-source>http://{domain}{path}</code>" in block
    assert 'src="/static/js/copy-link.js"' in html


def events_by_summary(cal):
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_site_feed_parses_and_keeps_wall_clock_times_across_the_autumn_change(client, houses_pages):
    house = make_house()
    # 10:00 in Paris the day before and the day after the change of 25 October 2026.
    make_event(house, title="Avant", starts_at=paris(2026, 10, 24, 10, 0))
    make_event(house, title="Après", starts_at=paris(2026, 10, 26, 10, 0))

    # Fixed dates, older than the feed's 3 months some day: ?depuis= reaches them.
    cal = read(client.get("/agenda.ics?depuis=2026-01"))
    events = events_by_summary(cal)

    before = events["Avant"].decoded("DTSTART")
    after = events["Après"].decoded("DTSTART")
    assert before.astimezone(UTC) == datetime.datetime(2026, 10, 24, 8, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime.datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert events["Avant"].decoded("DTEND") - before == datetime.timedelta(hours=2)
    # The time zone travels with the feed, DST rules included.
    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Paris"]
    assert timezones[0].walk("DAYLIGHT") and timezones[0].walk("STANDARD")
    assert events["Avant"]["DTSTART"].params["TZID"] == "Europe/Paris"


def test_spring_change_keeps_the_hour_too(client, houses_pages):
    house = make_house()
    make_event(house, title="Printemps", starts_at=paris(2026, 3, 30, 18, 0))

    event = events_by_summary(read(client.get("/agenda.ics?depuis=2026-01")))["Printemps"]

    assert event.decoded("DTSTART").astimezone(UTC).hour == 16


def test_cancelled_event_is_marked_cancelled(client, houses_pages):
    house = make_house()
    make_event(house, title="Maintenu")
    make_event(house, title="Annulé", is_cancelled=True)

    events = events_by_summary(read(client.get("/agenda.ics")))

    assert str(events["Annulé"]["STATUS"]) == "CANCELLED"
    assert str(events["Maintenu"]["STATUS"]) == "CONFIRMED"
    assert b"STATUS:CANCELLED" in client.get("/agenda.ics").content


def test_uids_are_stable_when_an_event_changes(client, houses_pages):
    house = make_house()
    event = make_event(house, title="Atelier")
    first = str(events_by_summary(read(client.get("/agenda.ics")))["Atelier"]["UID"])

    event.title = "Atelier couture"
    event.starts_at += datetime.timedelta(days=1)
    event.ends_at += datetime.timedelta(days=1)
    event.save()
    second = str(events_by_summary(read(client.get("/agenda.ics")))["Atelier couture"]["UID"])

    assert first == second == f"maisonsdequartier-romans.fr-evenement-{event.pk}"


def test_all_day_event_uses_dates(client, varied_events):
    # "Fête": all day in ten days, from 00:00 to 23:59.
    event = events_by_summary(read(client.get("/agenda.ics")))["Fête"]

    soon = timezone.localdate() + datetime.timedelta(days=10)
    assert event.decoded("DTSTART") == soon
    assert event.decoded("DTEND") == soon + datetime.timedelta(days=1)


def test_house_feed_lists_only_that_house_and_unknown_house_is_404(client, houses_pages):
    ours = make_house(slug="la-notre")
    other = make_house()
    make_event(ours, title="Chez nous")
    make_event(other, title="Ailleurs")
    make_event(other, title="Chez nous, organisé par d'autres", place_house=ours)

    events = events_by_summary(read(client.get("/maisons/la-notre/agenda.ics")))

    assert set(events) == {"Chez nous", "Chez nous, organisé par d'autres"}
    assert client.get("/maisons/inconnue/agenda.ics").status_code == 404


def test_event_page_links_to_its_own_ics(client, houses_pages):
    house = make_house()
    event = make_event(
        house,
        title="AGORA",
        place_house=None,
        place_name="Place Jacquemart",
        place_address="Place Jacquemart, 26100 Romans-sur-Isère",
    )

    html = client.get(f"/agenda/{event.slug}/").content.decode()
    assert f'href="/agenda/{event.slug}.ics"' in html
    cal = read(client.get(f"/agenda/{event.slug}.ics"))

    (only,) = cal.walk("VEVENT")
    assert str(only["SUMMARY"]) == "AGORA"
    assert "Place Jacquemart, 26100 Romans-sur-Isère" in str(only["LOCATION"])
    assert str(only["URL"]).endswith(f"/agenda/{event.slug}/")
    assert client.get("/agenda/inconnu.ics").status_code == 404


# --- Browsing the agenda month by month ---------------------------------------


def month_links(html):
    nav = html.split('class="cluster agenda-nav"')[1].split("</nav>")[0]
    return dict(re.findall(r'<a href="\?mois=([\d-]+)[^"]*">([^:<]+) :', nav))


def months_from_now(months):
    return add_months(timezone.localdate().replace(day=1), months)


def test_the_archive_starts_at_the_oldest_event_month(client, houses_pages):
    house = make_house()
    oldest = months_from_now(-3)
    make_event(house, title="Le plus ancien", starts_at=paris(oldest.year, oldest.month, 15, 10))
    make_event(house, title="Bientôt")

    first = client.get("/agenda/", {"mois": f"{oldest:%Y-%m}"})
    second = client.get("/agenda/", {"mois": f"{add_months(oldest, 1):%Y-%m}"})

    assert first.status_code == 200
    assert "Le plus ancien" in first.content.decode()
    assert month_links(first.content.decode()) == {f"{add_months(oldest, 1):%Y-%m}": "Mois suivant"}
    assert month_links(second.content.decode())[f"{oldest:%Y-%m}"] == "Mois précédent"
    assert client.get("/agenda/", {"mois": f"{add_months(oldest, -1):%Y-%m}"}).status_code == 404
    assert client.get("/agenda/", {"mois": "2000-01"}).status_code == 404


def test_no_next_month_past_this_month_and_months_after_the_last_event_are_404(
    client, houses_pages
):
    house = make_house()
    latest = months_from_now(2)
    make_event(house, title="Plus tard", starts_at=paris(latest.year, latest.month, 10, 10))

    this_month = client.get("/agenda/", {"mois": f"{months_from_now(0):%Y-%m}"})
    assert this_month.status_code == 200
    assert "Mois suivant" not in month_links(this_month.content.decode()).values()
    # A month with events to come can still be opened from a shared link...
    assert "Plus tard" in client.get("/agenda/", {"mois": f"{latest:%Y-%m}"}).content.decode()
    # ...but not one after the last event.
    assert client.get("/agenda/", {"mois": f"{add_months(latest, 1):%Y-%m}"}).status_code == 404
    assert client.get("/agenda/", {"mois": "2100-12"}).status_code == 404


def test_an_empty_agenda_opens_this_month_only(client, houses_pages):
    upcoming = client.get("/agenda/").content.decode()

    assert month_links(upcoming) == {f"{months_from_now(0):%Y-%m}": "Événements passés"}
    this_month = client.get("/agenda/", {"mois": f"{months_from_now(0):%Y-%m}"})
    assert this_month.status_code == 200
    assert month_links(this_month.content.decode()) == {}
    assert client.get("/agenda/", {"mois": f"{months_from_now(-1):%Y-%m}"}).status_code == 404


def test_agenda_page_offers_the_site_feed_to_subscribe_and_download(client, houses_pages):
    html = client.get("/agenda/").content.decode()

    assert_ical_links(html, "/agenda.ics")


# --- RFC 5545, on every feed ---------------------------------------------------


def assert_rfc5545(response):
    """What RFC 5545 requires (and RFC 7986 adds for subscriptions), read back as a client would."""
    raw = response.content
    # Lines end in CRLF and are folded at 75 octets.
    assert raw.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = read(response)
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//")
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) != ""
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw
    assert b"X-PUBLISHED-TTL:PT12H\r\n" in raw
    timezones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    events = cal.walk("VEVENT")
    assert events
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "LOCATION", "STATUS"):
            assert name in event, f"{name} manque dans {event.get('SUMMARY')}"
        assert event.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is type(end) and end > start
        if isinstance(start, datetime.datetime):
            # A local time names its zone, and the zone is in the feed.
            assert event["DTSTART"].params["TZID"] == "Europe/Paris"
            assert timezones == {"Europe/Paris"}
        assert str(event["URL"]).startswith("http://example.com/agenda/")
        assert str(event["STATUS"]) in {"CONFIRMED", "CANCELLED"}
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    return cal


@pytest.fixture
def varied_events(houses_pages):
    house = make_house(slug="les-ors", street_address="1 rue des Ors", postcode="26100")
    soon = timezone.localdate() + datetime.timedelta(days=10)  # inside the feeds' window
    events = [
        make_event(house, title="Atelier", description="Un long texte. " * 20),
        make_event(house, title="Annulé", is_cancelled=True),
        make_event(
            house,
            title="Fête",
            starts_at=paris(*soon.timetuple()[:3], 0, 0),
            ends_at=paris(*soon.timetuple()[:3], 23, 59),
            is_all_day=True,
        ),
        make_event(
            house,
            title="AGORA dehors",
            place_house=None,
            place_name="Place Jacquemart",
            place_address="Place Jacquemart, 26100 Romans-sur-Isère",
        ),
    ]
    return house, events


def test_every_feed_follows_rfc_5545(client, varied_events):
    house, events = varied_events

    site = events_by_summary(assert_rfc5545(client.get("/agenda.ics")))
    assert_rfc5545(client.get(f"/maisons/{house.slug}/agenda.ics"))
    for event in events:
        (only,) = assert_rfc5545(client.get(f"/agenda/{event.slug}.ics")).walk("VEVENT")
        assert str(only["SUMMARY"]) == event.title

    assert str(site["Annulé"]["STATUS"]) == "CANCELLED"
    assert str(site["Atelier"]["LOCATION"]).startswith(house.name)
    assert str(site["AGORA dehors"]["LOCATION"]) == (
        "Place Jacquemart, Place Jacquemart, 26100 Romans-sur-Isère"
    )


def test_an_event_keeps_its_uid_in_every_feed_and_after_an_edit(client, varied_events):
    house, events = varied_events
    event = events[0]
    urls = ["/agenda.ics", f"/maisons/{house.slug}/agenda.ics", f"/agenda/{event.slug}.ics"]

    def uids(title):
        return {str(events_by_summary(read(client.get(url)))[title]["UID"]) for url in urls}

    before = uids("Atelier")
    event.title = "Atelier couture"
    next_january = timezone.localdate().year + 1  # in winter time, inside the feeds' window
    event.starts_at = paris(next_january, 1, 20, 14, 0)
    event.ends_at = paris(next_january, 1, 20, 16, 0)
    event.save()

    assert (
        uids("Atelier couture") == before == {f"maisonsdequartier-romans.fr-evenement-{event.pk}"}
    )
    edited = events_by_summary(read(client.get("/agenda.ics")))["Atelier couture"]
    assert edited.decoded("DTSTART").astimezone(UTC).hour == 13


def test_house_and_event_pages_offer_their_feed(client, varied_events):
    house, events = varied_events

    assert_ical_links(
        client.get(f"/maisons/{house.slug}/").content.decode(), "/maisons/les-ors/agenda.ics"
    )
    event_page = client.get(f"/agenda/{events[0].slug}/").content.decode()
    assert_ical_links(event_page, f"/agenda/{events[0].slug}.ics")
    # A cancelled event offers nothing to add.
    assert "data-copy-link" not in client.get(f"/agenda/{events[1].slug}/").content.decode()


def test_webcal_url_replaces_the_scheme_only():
    from coop_site.templatetags.coop_ical import webcal_url

    assert webcal_url("https://maisons.example/agenda.ics") == "webcal://maisons.example/agenda.ics"
    assert webcal_url("http://localhost:8000/a.ics?x=1") == "webcal://localhost:8000/a.ics?x=1"
    with pytest.raises(ValueError):
        webcal_url("/agenda.ics")


# --- The feeds' window: the last 3 months and the next 12 -------------------------


def mid_month(months):
    """10:00 on the 15th of the month `months` from now."""
    first = months_from_now(months)
    return paris(first.year, first.month, 15, 10, 0)


@pytest.fixture
def long_agenda(houses_pages):
    house = make_house(slug="les-ors")
    for months, title in [
        (-40, "Il y a plus de trois ans"),
        (-4, "Il y a quatre mois"),
        (-2, "Il y a deux mois"),
        (11, "Dans onze mois"),
        (14, "Dans quatorze mois"),
    ]:
        make_event(house, title=title, starts_at=mid_month(months))
    return house


@pytest.mark.parametrize("path", ["/agenda.ics", "/maisons/les-ors/agenda.ics"])
def test_a_subscription_carries_the_last_three_months_and_the_next_twelve(
    client, long_agenda, path
):
    titles = set(events_by_summary(read(client.get(path))))

    assert titles == {"Il y a deux mois", "Dans onze mois"}


def test_depuis_starts_the_feed_at_an_earlier_month(client, long_agenda):
    since = add_months(timezone.localdate(), -5)

    titles = set(events_by_summary(read(client.get(f"/agenda.ics?depuis={since:%Y-%m}"))))

    assert titles == {"Il y a quatre mois", "Il y a deux mois", "Dans onze mois"}


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("2024-13", "attend un mois au format AAAA-MM"),
        ("hier", "attend un mois au format AAAA-MM"),
        ("1990-01", "remonte au plus à 10 ans"),
    ],
)
def test_a_wrong_depuis_is_a_400_that_says_why_in_french(client, long_agenda, since, message):
    response = client.get(f"/maisons/les-ors/agenda.ics?depuis={since}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_feed_s_queries_do_not_grow_with_the_agenda(
    client, long_agenda, page_cache_off, django_assert_max_num_queries
):
    from houses.models import Event

    Event.objects.bulk_create(
        Event(
            organiser=long_agenda,
            place_house=long_agenda,
            title=f"Ancien {n}",
            slug=f"ancien-{n}",
            theme=Event.Theme.WORKSHOP,
            starts_at=mid_month(-6 - n % 30),
            ends_at=mid_month(-6 - n % 30) + datetime.timedelta(hours=2),
        )
        for n in range(300)
    )

    with django_assert_max_num_queries(6):
        cal = read(client.get("/agenda.ics"))

    assert len(cal.walk("VEVENT")) == 2
