"""Who may do what with the news (see coop_site/roles.py)."""

from coop_site.roles import EDITOR, crud

ROLES = {
    EDITOR: [*crud("newsitem"), *crud("category"), *crud("newscardsblock")],
}
