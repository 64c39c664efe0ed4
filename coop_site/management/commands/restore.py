from django.core.management.base import BaseCommand, CommandError

from coop_site import backup


class Command(BaseCommand):
    help = (
        "Reconstruit le site depuis une archive de `manage.py backup`, sur une base de données "
        "vide et des dossiers de médias vides, puis vérifie les nombres de lignes et les sommes "
        "SHA-256 du manifeste."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="L'archive .tar.gz écrite par `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer une base ou des dossiers qui ne sont pas vides (tout y est effacé).",
        )

    def handle(self, *args, **options):
        try:
            manifest, report = backup.restore(options["archive"], force=options["force"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sauvegarde du {manifest['created_at']} restaurée (base {manifest['engine']}, "
            f"version {manifest['version'] or 'inconnue'}, commit {manifest['commit'] or 'inconnu'})."
        )
        if not report.cache_cleared:
            self.stdout.write(
                self.style.WARNING(
                    "Le cache n'a pas pu être vidé : videz-le avant d'ouvrir le site."
                )
            )
        if not report.ok:
            raise CommandError(
                "Vérification échouée :\n"
                + "\n".join(f"- {problem}" for problem in report.problems)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Vérification réussie : {report.tables} tables aux nombres de lignes attendus, "
                f"{report.files} fichiers aux sommes SHA-256 attendues."
            )
        )
