from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class HousesApphook(CMSApp):
    name = _("Les maisons")
    app_name = "houses"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["houses.urls.houses"]


@apphook_pool.register
class ActivitiesApphook(CMSApp):
    name = _("Les activités")
    app_name = "activities"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["houses.urls.activities"]


@apphook_pool.register
class AgendaApphook(CMSApp):
    name = _("L'agenda")
    app_name = "agenda"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["houses.urls.agenda"]


@apphook_pool.register
class CommonBaseApphook(CMSApp):
    name = _("Le socle commun")
    app_name = "common_base"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["houses.urls.common_base"]
