from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = _("Le journal de la Coopération")

    def ready(self):
        from documents.library import register_source

        from .library import SOURCE, issue_entries, issue_rows

        # /documents/ lists the published issues with the documents.
        register_source(SOURCE, rows=issue_rows, entries=issue_entries)
