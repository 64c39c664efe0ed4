"""Who may do what with the hosted associations (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, HOUSE_TEAM, crud

ROLES = {
    # Limited to the team's own house by houses.permissions.HouseScopedAdminMixin.
    HOUSE_TEAM: [
        *crud("association"),
        "view_associationmessage",
        "change_associationmessage",
        # The house's rooms, and the requests for them: read, answered (a status), never deleted.
        *crud("room"),
        "view_roomrequest",
        "change_roomrequest",
    ],
    # A message or a request comes from its form only; a team answers, never deletes.
    ADMINISTRATOR: [
        "add_associationmessage",
        "delete_associationmessage",
        "add_roomrequest",
        "delete_roomrequest",
    ],
}
