"""The editors and administrators keep the whole media library with folder permissions on."""

from django.db import migrations

from coop_site.roles import sync_folder_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("coop_site", "0003_roles_complete"),
        ("filer", "0018_alter_file_options"),
    ]

    operations = [migrations.RunPython(sync_folder_permissions, migrations.RunPython.noop)]
