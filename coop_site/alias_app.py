"""djangocms-alias under a French heading in the admin (INSTALLED_APPS names this class).

Its screens are translated by its own catalogue; the app itself would be
« django CMS Alias ». Not in coop_site/apps.py: a second AppConfig there would
stop Django from picking CoopSiteConfig.
"""

import djangocms_alias.apps
from django.utils.translation import gettext_lazy as _


class AliasConfig(djangocms_alias.apps.AliasConfig):
    verbose_name = _("Contenus partagés (alias)")
