from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class DocumentsApphook(CMSApp):
    name = _("Bibliothèque de documents")
    app_name = "documents"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["documents.urls"]
