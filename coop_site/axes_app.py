"""django-axes under a French heading in the admin (INSTALLED_APPS names this class).

Its models already have French names (its own catalogue, completed in
locale/third_party/); the app itself would be « Axes ». Not in coop_site/apps.py:
a second AppConfig there would stop Django from picking CoopSiteConfig.
"""

import axes.apps
from django.utils.translation import gettext_lazy as _


class AxesConfig(axes.apps.AppConfig):
    verbose_name = _("Connexions et blocages")
