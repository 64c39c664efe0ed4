"""The editors manage the journal (journal/roles.py); the administrators everything."""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0001_initial"),
        ("coop_site", "0003_roles_complete"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
