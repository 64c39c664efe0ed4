"""Who may do what with the membership terms (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, HOUSE_TEAM, crud

ROLES = {
    # Limited to the team's own houses by houses.permissions.HouseScopedAdminMixin.
    HOUSE_TEAM: [
        *crud("membershipterms"),
        # The list of helps is shared by the houses: a team adds the one it
        # accepts that is missing, and leaves the others' alone.
        "view_financialhelp",
        "add_financialhelp",
    ],
    ADMINISTRATOR: [
        "change_financialhelp",
        "delete_financialhelp",
    ],
}
