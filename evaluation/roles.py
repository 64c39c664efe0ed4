"""Who may do what with the evaluation reports (see coop_site/roles.py)."""

from coop_site.roles import ADMINISTRATOR, EVALUATION_OFFICER, crud

ROLES = {
    # The evaluation and nothing else: the report's PDF and cover live in the
    # evaluation's private storage, not in the media library.
    EVALUATION_OFFICER: [
        *crud("referential"),
        *crud("dimension"),
        *crud("report"),
        "publish_report",
        *crud("dimensionresult"),
        *crud("evaluatedaction"),
        *crud("indicator"),
        *crud("indicatorvalue"),
        # The history of replaced PDFs is read-only, even for the officer.
        "view_reportfilehistory",
    ],
    ADMINISTRATOR: [
        "add_reportfilehistory",
        "change_reportfilehistory",
        "delete_reportfilehistory",
        # Page plugins, placed by whoever edits the page.
        *crud("fleurpluginmodel"),
        *crud("latestreportspluginmodel"),
    ],
}
