from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coop_site import backup
from coop_site.formatting import format_file_size


class Command(BaseCommand):
    help = (
        "Sauvegarde le site dans une seule archive .tar.gz : la base de données, les médias, "
        "les fichiers privés de l'évaluation et un manifeste (nombres de lignes, sommes SHA-256)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help=(
                "Dossier où écrire l'archive (nom daté) ou chemin d'un fichier .tar.gz. "
                "Par défaut : COOP_BACKUP_DIR, sinon var/backups/."
            ),
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Ne garder que les N archives les plus récentes du dossier (0 : tout garder).",
        )

    def handle(self, *args, **options):
        try:
            path, manifest = backup.backup(options["output"])
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["tables"].values())
        files = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde écrite : {path} ({format_file_size(path.stat().st_size)}) — base "
                f"{manifest['engine']}, {len(manifest['tables'])} tables, {rows} lignes, "
                f"{files} fichiers."
            )
        )
        if settings.COOP_S3_BUCKET:
            self.stdout.write(
                self.style.WARNING(
                    f"Les fichiers sont dans le seau S3 « {settings.COOP_S3_BUCKET} » : cette "
                    "archive n'en contient aucun. Sauvegardez le seau chez son fournisseur "
                    "(versions des objets, réplication ou copie régulière)."
                )
            )
        if options["keep"] > 0:
            for old in backup.prune(path.parent, options["keep"]):
                self.stdout.write(f"Ancienne sauvegarde supprimée : {old}")
