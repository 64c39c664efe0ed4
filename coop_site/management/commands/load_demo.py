from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from coop_site import page_cache
from search import indexing


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration (pages, maisons, données des applications). "
        "Une seconde exécution ne crée rien et ne modifie rien."
    )

    def handle(self, *args, **options):
        # Saved in bulk: the search index and the page cache follow once, at the end.
        with indexing.deferred(), page_cache.deferred():
            for dotted_path in settings.COOP_DEMO_LOADERS:
                self.stdout.write(f"Démo : {dotted_path}")
                with transaction.atomic():
                    import_string(dotted_path)(stdout=self.stdout)
        call_command("rebuild_search_index", stdout=self.stdout)  # the search finds it all
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
