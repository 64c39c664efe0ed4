from cms.utils.apphook_reload import reload_urlconf
from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Reconstruit tout l'index de la recherche à partir du contenu public."

    def handle(self, *args, **options):
        # Pages published earlier in this process (load_demo) have apphooks not yet routed:
        # without this, their objects would have no address and stay out of the index.
        reload_urlconf()
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Index de la recherche : {count} entrées."))
