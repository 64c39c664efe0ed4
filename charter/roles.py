"""Who may do what with the eco-structure charter (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, HOUSE_TEAM, crud

ROLES = {
    # Each house keeps its own progress up to date; houses.permissions.
    # HouseScopedAdminMixin limits a team to its house.
    HOUSE_TEAM: crud("commitmentprogress"),
    # The charter itself (its text, themes, commitments) and its page plugins.
    ADMINISTRATOR: [
        *crud("charter"),
        *crud("chartersection"),
        *crud("theme"),
        *crud("commitment"),
        *crud("charterpluginmodel"),
        *crud("charterprogresspluginmodel"),
    ],
}
