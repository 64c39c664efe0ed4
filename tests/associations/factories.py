import itertools

from associations.models import Association, Room

_counter = itertools.count(1)


def make_association(house, **fields):
    n = next(_counter)
    fields.setdefault("name", f"Association de test {n}")
    fields.setdefault("slug", f"association-test-{n}")
    fields.setdefault("field", Association.Field.CULTURE)
    fields.setdefault("offer", "Des rencontres le jeudi soir.")
    fields.setdefault("email", f"asso-{n}@example.net")
    return Association.objects.create(house=house, **fields)


def make_room(house, **fields):
    n = next(_counter)
    fields.setdefault("name", f"Salle de test {n}")
    fields.setdefault("slug", f"salle-test-{n}")
    fields.setdefault("capacity", 30)
    return Room.objects.create(house=house, **fields)
