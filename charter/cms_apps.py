from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class CharterApphook(CMSApp):
    name = _("Charte écostructure")
    app_name = "charter"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["charter.urls"]
