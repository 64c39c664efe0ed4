from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Recherche"

    def ready(self):
        # Each content app says what it offers to the search in <app>/search_index.py,
        # as apps declare their admin; the search app imports none of them.
        autodiscover_modules("search_index")
        from . import signals

        signals.connect()
