from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Fait les tâches en arrière-plan (e-mails, PDF) de la file configurée : la base de données "
        "(db_worker) ou, avec REDIS_URL, RQ (rqworker, avec son planificateur pour les essais "
        "différés)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="S'arrête quand la file est vide (les tests)."
        )

    def handle(self, *args, batch=False, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == "django_tasks_db.DatabaseBackend":
            call_command("db_worker", interval=1, batch=batch, startup_delay=not batch)
        elif backend == "django_tasks_rq.RQBackend":
            call_command(
                "rqworker",
                "default",
                job_class="django_tasks_rq.Job",
                with_scheduler=True,
                burst=batch,
            )
        else:
            raise CommandError(
                "COOP_TASKS=immediate : chaque tâche est faite dans la requête, "
                "il n'y a pas de file à traiter."
            )
