"""Small factories for the people tests."""

import itertools

from people.models import Person, ProjectGroup

_counter = itertools.count(1)


def make_person(house, **fields):
    n = next(_counter)
    fields.setdefault("display_name", f"Camille {n}")
    fields.setdefault("role", f"Animatrice {n}")
    fields.setdefault("kind", Person.Kind.STAFF)
    return Person.objects.create(house=house, **fields)


def make_group(*houses, **fields):
    n = next(_counter)
    fields.setdefault("name", f"Groupe projet {n}")
    fields.setdefault("theme", "Mobilité")
    group = ProjectGroup.objects.create(**fields)
    group.houses.set(houses)
    return group
