from django.core.management.base import BaseCommand

from outbox.services import deliver_due, forget_sent


class Command(BaseCommand):
    help = (
        "Envoie les e-mails en attente dont l'heure est venue (serveur de messagerie revenu), "
        "puis efface ceux envoyés depuis plus de COOP_OUTBOX_RETENTION_DAYS jours. "
        "À lancer toutes les cinq minutes (deploy/coop-site-outbox.timer)."
    )

    def handle(self, *args, **options):
        sent = deliver_due()
        forgotten = forget_sent()
        self.stdout.write(f"{sent} e-mail(s) envoyé(s), {forgotten} ancien(s) effacé(s).")
