"""The "Chargé·e d'évaluation" group loses the media library (django-filer).

Migration 0002 once let the officer add files, images and folders to the
media library, yet nothing the officer edits uses it: report PDFs and covers
live in the evaluation's private storage. The README's roles table says the
officer has no Galeries and no Documents, so the group is reset to exactly
the evaluation permissions (evaluation/roles.py); filer's uploader then
answers 403.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0003_report_publication_date_help"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    # Going back keeps the narrower group: giving the media library back is not wanted.
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
