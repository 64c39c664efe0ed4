"""Each house's team keeps its rooms and answers the requests for them (associations/roles.py)."""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0003_rooms"),
        ("houses", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
