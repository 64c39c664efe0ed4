"""Who may do what with the people and the governance (see coop_site/roles.py)."""

from coop_site.roles import EDITOR, HOUSE_TEAM, crud

ROLES = {
    # Each team keeps its own house's people and project groups up to date;
    # houses.permissions.HouseScopedAdminMixin limits it to its house.
    HOUSE_TEAM: [*crud("person"), *crud("projectgroup")],
    # The editors keep every house's (and the Coopération's) up to date.
    EDITOR: [*crud("person"), *crud("projectgroup"), "manage_all_people"],
}
