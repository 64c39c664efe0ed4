"""Who may do what with the partners (see coop_site/roles.py)."""

from coop_site.roles import EDITOR, crud

ROLES = {
    # The footer's partners were the editors' shared content: they keep them, now as records.
    EDITOR: [*crud("partner")],
}
