"""Small factories for the houses tests: plain functions with sensible defaults."""

import datetime
import itertools

from django.contrib.auth.models import Group
from django.utils import timezone

from houses.models import Activity, Closure, Event, House, OpeningHours
from houses.services import house_staff_group_ensure

_counter = itertools.count(1)


def make_house(**fields):
    n = next(_counter)
    fields.setdefault("name", f"Maison de test {n}")
    fields.setdefault("short_name", f"Test {n}")
    fields.setdefault("slug", f"maison-test-{n}")
    fields.setdefault("kind", House.Kind.SOCIAL_CENTRE)
    fields.setdefault("email", f"maison-{n}@example.org")
    return House.objects.create(**fields)


def make_staff_house(**fields):
    house = make_house(**fields)
    house_staff_group_ensure(house=house)
    return house


def make_staff_user(django_user_model, *, houses=(), groups=()):
    n = next(_counter)
    user = django_user_model.objects.create_user(
        f"salarie{n}", f"salarie{n}@example.org", "motdepasse", is_staff=True
    )
    for house in houses:
        user.groups.add(house.staff_group)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def add_hours(house, *slots):
    """slots: (weekday, "09:00", "12:00")"""
    for weekday, opens, closes in slots:
        OpeningHours.objects.create(
            house=house,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )


def add_closure(house, starts_on, ends_on, **fields):
    fields.setdefault("reason", "Vacances")
    return Closure.objects.create(house=house, starts_on=starts_on, ends_on=ends_on, **fields)


def make_activity(*houses, **fields):
    n = next(_counter)
    fields.setdefault("title", f"Activité {n}")
    fields.setdefault("slug", f"activite-{n}")
    fields.setdefault("category", Activity.Category.ADULTS)
    fields.setdefault("weekday", 0)
    activity = Activity.objects.create(**fields)
    activity.houses.set(houses)
    return activity


def paris(*args):
    return timezone.make_aware(datetime.datetime(*args))


def make_event(organiser, **fields):
    n = next(_counter)
    start = fields.pop("starts_at", timezone.now() + datetime.timedelta(days=2))
    fields.setdefault("title", f"Événement {n}")
    fields.setdefault("slug", f"evenement-{n}")
    fields.setdefault("theme", Event.Theme.WORKSHOP)
    fields.setdefault("ends_at", start + datetime.timedelta(hours=2))
    if "place_house" not in fields and "place_name" not in fields:
        fields["place_house"] = organiser
    return Event.objects.create(organiser=organiser, starts_at=start, **fields)
