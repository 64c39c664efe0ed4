from django.core.management.base import BaseCommand

from evaluation.services import pending_uploads_clean, report_retry_derivations


class Command(BaseCommand):
    help = (
        "Recalcule la couverture et le texte des rapports dont le PDF n'a pas pu être traité "
        "à l'envoi, et supprime les PDF en attente que personne n'a enregistrés (à lancer par "
        "une tâche planifiée, par exemple chaque nuit)."
    )

    def handle(self, *args, **options):
        fixed, failing = report_retry_derivations()
        self.stdout.write(f"Rapports traités : {fixed} ; toujours en échec : {failing}.")
        self.stdout.write(f"Fichiers en attente supprimés : {pending_uploads_clean()}.")
