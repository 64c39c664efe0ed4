"""The "Créer" button's wizards (coop_site/cms_wizards.py), registered by the site layer.

django CMS 5 collects wizards from the apps' `cms_config.py`. They live here,
not in news/cms_config.py, because they know several apps (news, galleries,
documents): an app never imports the site layer (docs/architecture.md).
"""

from cms.app_base import CMSAppConfig

from .cms_wizards import gallery_wizard, news_wizard


class CoopSiteCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = [news_wizard, gallery_wizard]
