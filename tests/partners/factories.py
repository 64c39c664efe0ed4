import itertools

from partners.models import Partner

_counter = itertools.count(1)


def make_partner(*houses, **fields):
    n = next(_counter)
    fields.setdefault("name", f"Partenaire de test {n}")
    fields.setdefault("kind", Partner.Kind.PARTNER)
    partner = Partner.objects.create(**fields)
    partner.houses.set(houses)
    return partner
