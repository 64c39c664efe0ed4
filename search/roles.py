"""Who may do what with the search index (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, crud

ROLES = {
    # search.indexing writes the entries; nobody edits them by hand.
    ADMINISTRATOR: crud("searchentry"),
}
