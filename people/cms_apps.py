from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class PeopleApphook(CMSApp):
    name = _("Les équipes et la gouvernance")
    app_name = "people"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["people.urls"]
