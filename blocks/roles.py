"""Who may do what with the content blocks (see coop_site/roles.py)."""

from coop_site.roles import ALL, EDITOR, HOUSE_TEAM, crud

ROLES = {
    EDITOR: [ALL],
    # In their house's presentation only (House.has_placeholder_change_permission): a note
    # (« Fermeture exceptionnelle »), a list that opens (questions and answers), a quote,
    # a call to action. Not the layout blocks: the house page has its own.
    HOUSE_TEAM: [
        *crud("note"),
        *crud("accordion"),
        *crud("accordionitem"),
        *crud("quote"),
        *crud("calltoaction"),
    ],
}
