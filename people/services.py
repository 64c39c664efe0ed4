"""What the pages show of the people: read once per page, grouped by body."""

from django.db.models import Q

from houses.models import KeyFigure

from .models import Person, ProjectGroup


def house_team(house):
    """The people of `house`'s page, in the staff's order: one query, shared by the page.

    The contact form (its roles) and the page's section both need them; the
    list is kept on the house object for the rest of the request.
    """
    team = getattr(house, "_people_team", None)
    if team is None:
        team = house._people_team = list(Person.objects.for_house(house).for_cards())
    return team


def team_roles(house):
    """The roles a message to `house` may be addressed to: its staff's, then its board's."""
    team = house_team(house)
    return [person.role for person in team if person.kind == Person.Kind.STAFF] + [
        person.role for person in team if person.kind == Person.Kind.BOARD
    ]


def by_kind(people):
    """[(kind, label, people)] for the bodies that have someone, staff first."""
    return [
        (kind, label, members)
        for kind, label in Person.Kind.choices
        if (members := [person for person in people if person.kind == kind])
    ]


def house_governance(house):
    """The context of the house page's section (registered in people/apps.py)."""
    return {
        "people_bodies": by_kind(house_team(house)),
        "project_groups": list(ProjectGroup.objects.for_house(house).prefetch_related("houses")),
    }


def volunteer_figures():
    """The Coopération's latest key figures about its volunteers and staff (houses.KeyFigure).

    The figures stay dated and sourced where the administrators keep them; this
    page only picks those whose label speaks of volunteers or employees.
    """
    return (
        KeyFigure.objects.cooperation_wide()
        .latest_year()
        .filter(Q(label__icontains="bénévole") | Q(label__icontains="salarié"))
    )
