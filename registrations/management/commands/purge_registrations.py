"""`manage.py purge_registrations`: delete the requests kept longer than the retention period.

Run it every day (cron or a systemd timer); the README gives the line.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from registrations.services import purge_old_registrations


class Command(BaseCommand):
    help = _(
        "Efface les inscriptions gardées plus longtemps que COOP_REGISTRATION_RETENTION_MONTHS "
        "(après la fin de l'événement, ou la dernière modification pour une activité)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Dit combien seraient effacées, sans rien effacer."),
        )

    def handle(self, *args, dry_run=False, **options):
        count = purge_old_registrations(dry_run=dry_run)
        if dry_run:
            message = _("%(count)s inscription(s) seraient effacées.") % {"count": count}
        else:
            message = _("%(count)s inscription(s) effacée(s).") % {"count": count}
        self.stdout.write(message)
