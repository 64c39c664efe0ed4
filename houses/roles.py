"""Who may do what with the houses' data (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, EDITOR, HOUSE_TEAM, crud

ROLES = {
    # The blocks an editor puts on a page: key figures, cards of events,
    # activities and houses (the data themselves stay the houses' teams').
    EDITOR: [
        *crud("keyfiguresblock"),
        *crud("eventcardsblock"),
        *crud("activitycardsblock"),
        *crud("housecardsblock"),
        *crud("contactformblock"),
    ],
    # Limited to the team's own houses by houses.permissions.HouseScopedAdminMixin.
    HOUSE_TEAM: [
        *crud("activity"),
        # The prices by quotient familial of the team's house, season by season.
        *crud("feegrid"),
        *crud("feeband"),
        "view_season",
        *crud("event"),
        "change_contactmessage",
        "view_contactmessage",
        # Each team keeps its own house's practical data up to date (see
        # houses.admin.HouseAdmin): hours, closures, phone. Not adding or
        # deleting houses, and not "manage_all_houses".
        "view_house",
        "change_house",
        *crud("openinghours"),
        *crud("closure"),
        # The AGORA's places are shared by every house: a team adds or corrects
        # the one its session uses; deleting is the administrators'.
        "add_publicplace",
        "change_publicplace",
        "view_publicplace",
        # The house's folder in the media library (its photo, its events' images,
        # its charter evidence): which folder is filer's folder permissions' job
        # (houses.media); these only let the team use the library at all.
        ("filer", "can_use_directory_listing"),
        ("filer", "view_folder"),
        ("filer", "add_folder"),
        ("filer", "change_folder"),
        *crud("filer.file"),
        *crud("filer.image"),
        # The house's presentation, written in the CMS's edit mode on its own page:
        # House.has_placeholder_change_permission limits these to the team's house.
        *crud("djangocms_text.text"),
    ],
    ADMINISTRATOR: [
        "add_house",
        "delete_house",
        "manage_all_houses",
        # A message comes from the contact form only; a team answers, never deletes.
        "add_contactmessage",
        "delete_contactmessage",
        # What the houses are (approvals, yearly sizes, key figures), the
        # socle commun and the action sheets: the Coopération's word.
        *crud("approval"),
        *crud("housefigure"),
        *crud("keyfigure"),
        *crud("commonbaseitem"),
        *crud("action"),
        "delete_publicplace",
        # The seasons are the same for every house: the Coopération's calendar.
        "add_season",
        "change_season",
        "delete_season",
    ],
}
