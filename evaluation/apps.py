from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Évaluation de l'utilité sociale")

    def ready(self):
        from documents.library import register_source

        from .library import published_report_entries

        # /documents/ lists the published reports with the documents.
        register_source("evaluation.reports", published_report_entries)
