"""Who may see the e-mails the site sends (see coop_site/roles.py): administrators only,
since they hold every visitor's messages."""

from coop_site.roles import ADMINISTRATOR, ALL

ROLES = {ADMINISTRATOR: [ALL]}
