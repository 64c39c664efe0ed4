from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class PartnersApphook(CMSApp):
    name = _("Les partenaires")
    app_name = "partners"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["partners.urls"]
