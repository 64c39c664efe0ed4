"""Who may do what with the houses' subscribers and messages (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, HOUSE_TEAM, crud

ROLES = {
    # Limited to the team's own house by houses.permissions.HouseScopedAdminMixin:
    # its subscribers (read, or removed for a person who asks by phone), its messages.
    HOUSE_TEAM: [
        "view_subscription",
        "delete_subscription",
        *crud("housemessage"),
    ],
    # A subscription comes from its owner's confirmation only; the addresses of every
    # house together are for administrators (an access or erasure request).
    ADMINISTRATOR: [
        "add_subscription",
        "change_subscription",
        *crud("subscriber"),
    ],
}
