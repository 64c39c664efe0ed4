from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class AssociationsApphook(CMSApp):
    name = _("Les associations accueillies")
    app_name = "associations"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["associations.urls"]


@apphook_pool.register
class RoomsApphook(CMSApp):
    name = _("Les salles des maisons")
    app_name = "rooms"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["associations.rooms_urls"]
