from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Évaluation de l'utilité sociale")

    def ready(self):
        from documents.library import register_source

        from .library import SOURCE, report_entries, report_rows

        # /documents/ lists the published reports with the documents.
        register_source(SOURCE, rows=report_rows, entries=report_entries)
