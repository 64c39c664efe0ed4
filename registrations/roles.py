"""Who may do what with the requests for a place (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, HOUSE_TEAM, crud

ROLES = {
    # Limited to the team's own houses by registrations.admin (an activity's houses, an
    # event's organiser or host house): the team confirms, cancels, marks who came,
    # adds a request taken by phone, and deletes one entered by mistake.
    HOUSE_TEAM: crud("registration"),
    # The editors publish: the people who ask for a place are the houses' business.
    # Exporting or erasing all that the site keeps about one person (coop_site/personal_data.py)
    # reaches every house and every app: the administrators' only.
    ADMINISTRATOR: ["manage_personal_data"],
}
