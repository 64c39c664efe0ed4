"""`manage.py check_links`: the broken links and missing files of the published site.

Exits with status 1 when there is something to fix (for a cron job or CI).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import override

from content_checks.site_report import site_report


class Command(BaseCommand):
    help = _("Liste les liens internes cassés et les fichiers manquants du site publié.")

    def handle(self, *args, **options):
        with override("fr"):
            report = site_report()
            self.write(report)
            if report:
                raise CommandError(
                    _("%(links)d lien(s) cassé(s) et %(files)d fichier(s) manquant(s).")
                    % {"links": len(report.broken_links), "files": len(report.missing_files)}
                )
            self.stdout.write(self.style.SUCCESS(_("Aucun lien cassé, aucun fichier manquant.")))

    def write(self, report):
        if report.broken_links:
            self.stdout.write(_("Liens cassés :"))
        for link in report.broken_links:
            where = f"{link.where} ({link.public_url})" if link.public_url else link.where
            if link.block:
                where += f", {link.block}"
            self.stdout.write(f"- {where} : {link.message}")
            self.stdout.write(_("  Pour corriger : %(url)s") % {"url": link.fix_url})
        if report.missing_files:
            self.stdout.write(_("Fichiers manquants :"))
        for file in report.missing_files:
            used = f" ({', '.join(file.used_in)})" if file.used_in else ""
            self.stdout.write(f"- « {file.name} »{used} : {file.message}")
            if file.fix_url:
                self.stdout.write(_("  Pour corriger : %(url)s") % {"url": file.fix_url})
