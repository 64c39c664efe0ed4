"""Who may do what with the easy-to-read versions (see coop_site/roles.py)."""

from coop_site.roles import EDITOR, HOUSE_TEAM, crud

ROLES = {
    # Any page's version (« Adhérer », La Coopération…).
    EDITOR: [*crud("easyreadversion"), *crud("easyreadline")],
    # Their own house page's version only (easy_read.admin, HouseScopedAdminMixin).
    HOUSE_TEAM: [*crud("easyreadversion"), *crud("easyreadline")],
}
