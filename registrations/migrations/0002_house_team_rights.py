"""Each house's team handles the requests for its activities and events (registrations/roles.py)."""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0001_initial"),
        ("houses", "0013_online_requests"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
