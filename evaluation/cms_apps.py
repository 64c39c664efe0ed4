from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class EvaluationApphook(CMSApp):
    name = _("Évaluation de l'utilité sociale")
    app_name = "evaluation"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["evaluation.urls"]
