from django.core.management.base import BaseCommand

from evaluation.services import report_retry_derivations


class Command(BaseCommand):
    help = (
        "Recalcule la couverture et le texte des rapports dont le PDF n'a pas pu être traité "
        "à l'envoi (à lancer par une tâche planifiée, par exemple chaque nuit)."
    )

    def handle(self, *args, **options):
        fixed, failing = report_retry_derivations()
        self.stdout.write(f"Rapports traités : {fixed} ; toujours en échec : {failing}.")
