"""Who may do what with the journal (see coop_site/roles.py)."""

from coop_site.roles import ALL, EDITOR

ROLES = {
    EDITOR: [ALL],
}
