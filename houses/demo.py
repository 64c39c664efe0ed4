"""Demo data of the houses app, from ../shared/seed/facts.md: the loading logic.

The data is in houses/demo.yaml. Facts (names, years, approvals, the address of Les Ors, the 2018 figures and
action sheets) come from the seed. Everything else (phones, hours, closures,
activities, events) is a plausible sample, flagged `is_sample` so that the
admin and the pages say "exemple". Rows are found by slug before being
created, so a second run changes nothing, even though event dates are
computed from the day of the first run. No sample event falls on a closure
of its house, whatever that day is. Only Les Ors has a street address in the
seed: the other houses have none, and so no map link.
"""

import datetime
from decimal import Decimal

from cms.api import add_plugin
from cms.models import PageContent
from django.utils import timezone

from coop_site.demo import (
    LANGUAGE,
    DemoData,
    ensure_page,
    find_page,
    revise_page,
    text_plugins,
)

from .models import (
    Action,
    Activity,
    Approval,
    Closure,
    CommonBaseItem,
    Event,
    House,
    KeyFigure,
    OpeningHours,
    PublicPlace,
)
from .services import cooperation_group_ensure, house_staff_group_ensure

DATA = DemoData(
    __file__,
    required={
        "neighbourhood_houses": (),
        "houses": ("slug", "name", "kind"),
        "year_end_closure": ("month", "day", "days", "reason"),
        "common_base": ("kind", "title", "description"),
        "key_figures": ("year", "source", "figures"),
        "actions": ("slug", "title"),
        "activity_season": (),
        "activities": ("slug", "title", "houses"),
        "public_places": ("name", "kind"),
        "events": ("slug", "title", "in_days", "from", "to", "organiser"),
        "pages": ("reverse_id", "title", "slug"),
        "common_base_page": ("reverse_id", "title", "slug"),
        "common_base_mentions": (),
    },
)
# Filled in only when the house is created, not fields of House.
HOUSE_EXTRAS = ("presentation", "approvals", "sample_hours")


def _time(value):
    return datetime.time.fromisoformat(value)


def _event_fields(data, *, today, houses, places):
    """The fields of a sample event, dated `in_days` after `today`."""
    fields = dict(data)
    day = today + datetime.timedelta(days=fields.pop("in_days"))
    for key, time_key in (("starts_at", "from"), ("ends_at", "to")):
        moment = datetime.datetime.combine(day, _time(fields.pop(time_key)))
        fields[key] = timezone.make_aware(moment)
    fields["organiser"] = houses[fields["organiser"]]
    if "place_house" in fields:
        fields["place_house"] = houses[fields["place_house"]]
    if "public_place" in fields:
        fields["public_place"] = places[fields["public_place"]]
    return fields


def load(*, stdout, today=None):
    """`today` (default: the local date) is the day sample dates are computed from."""
    today = today or timezone.localdate()
    houses = {}
    for data in DATA["houses"]:
        fields = {key: value for key, value in data.items() if key not in HOUSE_EXTRAS}
        slug = fields.pop("slug")
        house, created = House.objects.get_or_create(slug=slug, defaults=fields)
        houses[slug] = house
        if created:
            stdout.write(f"  maison créée : {fields['name']}")
            _fill_house(house, data, today=today)
        house_staff_group_ensure(house=house)
    cooperation_group_ensure()

    for order, fields in enumerate(DATA["common_base"]):
        CommonBaseItem.objects.get_or_create(
            kind=fields["kind"],
            title=fields["title"],
            defaults={"description": fields["description"], "order": order},
        )
    key_figures = DATA["key_figures"]
    for order, figure in enumerate(key_figures["figures"]):
        KeyFigure.objects.get_or_create(
            label=figure["label"],
            year=key_figures["year"],
            house=None,
            defaults={
                "qualifier": figure["qualifier"],
                "value": figure["value"],
                "source": key_figures["source"],
                "order": order,
            },
        )
    for data in DATA["actions"]:
        fields = dict(data)
        body = fields.pop("body", None)
        action, created = Action.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
        if created:
            action.houses.set([houses[s] for s in DATA["neighbourhood_houses"]])
            if body:
                add_plugin(action.body, "TextPlugin", LANGUAGE, body=body)
    for data in DATA["activities"]:
        fields = dict(data)
        slug = fields.pop("slug")
        house_slugs = fields.pop("houses")
        for key in ("starts_at_time", "ends_at_time"):
            if key in fields:
                fields[key] = _time(fields[key])
        if "price" in fields:
            fields["price"] = Decimal(fields["price"])
        activity, created = Activity.objects.get_or_create(
            slug=slug, defaults={**fields, "is_sample": True, "season": DATA["activity_season"]}
        )
        if created:
            activity.houses.set([houses[s] for s in house_slugs])
    places = {}
    for order, data in enumerate(DATA["public_places"]):
        fields = dict(data)
        name = fields.pop("name")
        places[name], _created = PublicPlace.objects.get_or_create(
            name=name, defaults={**fields, "order": order}
        )
    for data in DATA["events"]:
        fields = _event_fields(data, today=today, houses=houses, places=places)
        event, created = Event.objects.get_or_create(
            slug=fields.pop("slug"), defaults={**fields, "is_sample": True}
        )
        if event.is_sample and event.public_place is None and fields.get("public_place"):
            # A sample session from before the AGORA had places: at its place now.
            event.public_place = fields["public_place"]
            event.place_name = event.place_address = ""
            event.save(update_fields=["public_place", "place_name", "place_address"])
        # Also repairs a sample event that an earlier version of the demo dated
        # inside a closure of its house.
        if event.is_sample and _move_out_of_closures(event, today=today):
            event.save(update_fields=["starts_at", "ends_at"])

    _pages(stdout)


def _closure_shift(event, today):
    """Days to move `event` by so that it leaves the closures of its houses; 0 if none.

    A past event moves to just before the closure, an upcoming one just after.
    """
    starts_on = timezone.localdate(event.starts_at)
    ends_on = timezone.localdate(event.ends_at)
    closures = Closure.objects.filter(
        house_id__in={event.organiser_id, event.place_house_id} - {None},
        kind=Closure.Kind.CLOSED,
        starts_on__lte=ends_on,
        ends_on__gte=starts_on,
    ).order_by("starts_on")
    for closure in closures:
        if starts_on < today:
            return (closure.starts_on - ends_on).days - 1
        return (closure.ends_on - starts_on).days + 1
    return 0


def _move_out_of_closures(event, *, today):
    """Move `event` out of its houses' closures; return whether it moved."""
    moved = False
    # Moving out of one closure may land in the next one: move until free.
    while days := _closure_shift(event, today):
        # In local time, so that the hours stay the same across a change of time.
        event.starts_at = timezone.localtime(event.starts_at) + datetime.timedelta(days=days)
        event.ends_at = timezone.localtime(event.ends_at) + datetime.timedelta(days=days)
        moved = True
    return moved


def _fill_house(house, data, *, today):
    """Presentation, approvals, sample hours and closures of a house created just now."""
    add_plugin(house.presentation, "TextPlugin", LANGUAGE, body=data["presentation"])
    for kind, year in data.get("approvals", []):
        Approval.objects.create(house=house, kind=kind, year=year)
    for weekday, opens, closes in data.get("sample_hours", []):
        OpeningHours.objects.create(
            house=house, weekday=weekday, opens=_time(opens), closes=_time(closes)
        )
    if "sample_hours" in data:
        closure = DATA["year_end_closure"]
        starts_on = datetime.date(today.year, closure["month"], closure["day"])
        if starts_on < today:
            starts_on = starts_on.replace(year=today.year + 1)
        Closure.objects.create(
            house=house,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=closure["days"]),
            reason=closure["reason"],
        )


def _pages(stdout):
    for page in DATA["pages"]:
        ensure_page(**page, stdout=stdout)
    cooperation = find_page("la-cooperation")
    fields = DATA["common_base_page"]
    existing = find_page(fields["reverse_id"])
    common_base = ensure_page(
        **fields,
        parent=cooperation,
        # In La Coopération's section; never in the main menu on its own.
        in_navigation=cooperation is not None,
        # Its address from before it joined La Coopération's section, still in use.
        overwrite_url=fields["slug"] if cooperation else None,
        stdout=stdout,
    )
    if cooperation is None:
        return
    if existing is not None and existing.parent_id is None:
        _move_common_base_into_cooperation(common_base, cooperation, stdout=stdout)
    for reverse_id, words in DATA["common_base_mentions"].items():
        source = find_page(reverse_id)
        if source is not None:
            _link_common_base_from(common_base, source=source, words=words, stdout=stdout)


def _move_common_base_into_cooperation(page, cooperation, *, stdout):
    """An earlier demo left the page at the root, out of every menu: move it in once."""
    page.move_page(cooperation, position="last-child")

    def show_in_menu(content):
        content.in_navigation = True
        content.overwrite_url = DATA["common_base_page"]["slug"]
        content.save()

    revise_page(page, change=show_in_menu, stdout=stdout)


def _link_common_base_from(page, *, source, words, stdout):
    """Link `words` of the `source` page's text to the socle commun `page`, once.

    The link names the page (`data-cms-href`), so it follows the page if it moves.
    """
    link = (
        f'<a href="{page.get_absolute_url(LANGUAGE)}" data-cms-href="cms.page:{page.pk}">'
        f"{words}</a>"
    )

    def unlinked(plugin):
        return words in plugin.body and f"cms.page:{page.pk}" not in plugin.body

    published = PageContent.objects.filter(page=source, language=LANGUAGE).first()
    if published is None or not any(map(unlinked, text_plugins(published, "content"))):
        return  # already linked, or the team rewrote the text

    def add_link(content):
        for plugin in filter(unlinked, text_plugins(content, "content")):
            plugin.body = plugin.body.replace(words, link, 1)
            plugin.save()

    revise_page(source, change=add_link, stdout=stdout)
