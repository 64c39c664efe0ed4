"""Each house's team keeps its hosted associations and reads their messages.

The house staff groups and the Coopération-wide group get the rights of
associations/roles.py; `HouseScopedAdminMixin` then limits each to its house.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0001_initial"),
        ("houses", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
