"""Small factories for the charter tests: real rows, no demo."""

import itertools

from django.contrib.auth.models import Group, Permission

from charter.models import Charter, CharterSection, Commitment, CommitmentProgress, Theme
from houses.models import House

_counter = itertools.count(1)


def make_house(short_name=None, **fields):
    n = next(_counter)
    short_name = short_name or f"Maison {n}"
    defaults = {
        "name": f"Maison de quartier {short_name} {n}",
        "short_name": short_name,
        "slug": f"maison-{n}",
        "kind": House.Kind.SOCIAL_CENTRE,
        "order": n,
    }
    defaults.update(fields)
    return House.objects.create(**defaults)


def make_theme(slug, name=None, order=0):
    theme, _ = Theme.objects.get_or_create(
        slug=slug, defaults={"name": name or slug.capitalize(), "order": order}
    )
    return theme


def make_charter(*, sections=(2,), version=1, is_current=True, prefix="Engagement", themes=()):
    """A charter whose sections hold the given numbers of commitments.

    Commitments are named "<prefix> <section>.<n>"; `themes` (a list of
    theme lists) is applied to the commitments in order.
    """
    charter = Charter.objects.create(
        title=f"Charte de test v{version}",
        version=version,
        is_current=is_current,
        quote="Il y a suffisamment de ressources",
        quote_author="Gandhi",
    )
    theme_lists = iter(themes)
    for s, count in enumerate(sections, start=1):
        section = CharterSection.objects.create(charter=charter, title=f"Partie {s}", order=s)
        for i in range(1, count + 1):
            commitment = Commitment.objects.create(
                section=section, text=f"{prefix} {s}.{i}", order=i
            )
            commitment.themes.set(next(theme_lists, []))
    return charter


def commitments_of(charter):
    return list(Commitment.objects.of_charter(charter))


def make_progress(house, commitment, year, status=CommitmentProgress.Status.KEPT, **fields):
    return CommitmentProgress.objects.create(
        house=house, commitment=commitment, year=year, status=status, **fields
    )


def make_house_staff(django_user_model, house, username):
    """A staff member of `house`: its group, with the rights on progress entries."""
    group, _ = Group.objects.get_or_create(name=f"Équipe test {house.short_name}")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="charter", codename__endswith="commitmentprogress"
        )
    )
    house.staff_group = group
    house.save(update_fields=["staff_group"])
    user = django_user_model.objects.create_user(username, password="motdepasse", is_staff=True)
    user.groups.add(group)
    return user
