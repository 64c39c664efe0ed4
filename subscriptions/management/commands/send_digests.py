from django.core.management.base import BaseCommand

from subscriptions.services import digests_send


class Command(BaseCommand):
    help = (
        "Met dans la file d'envoi la lettre de la semaine de chaque abonné·e qui a du nouveau. "
        "Une adresse reçoit une lettre par semaine au plus : relancée, la commande n'envoie rien "
        "deux fois."
    )

    def handle(self, *args, **options):
        count = digests_send()
        self.stdout.write(f"{count} lettre(s) mise(s) dans la file d'envoi.")
