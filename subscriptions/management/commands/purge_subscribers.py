from django.core.management.base import BaseCommand

from subscriptions.services import KEEP_UNSUBSCRIBED_DAYS, subscribers_purge
from subscriptions.tokens import CONFIRM_DAYS


class Command(BaseCommand):
    help = (
        f"Efface les adresses jamais confirmées après {CONFIRM_DAYS} jours et celles "
        f"désabonnées depuis {KEEP_UNSUBSCRIBED_DAYS} jours (données personnelles)."
    )

    def handle(self, *args, **options):
        count = subscribers_purge()
        self.stdout.write(f"{count} adresse(s) effacée(s).")
