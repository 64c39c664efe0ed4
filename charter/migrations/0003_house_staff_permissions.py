"""House staff keep their house's charter progress up to date.

Each house's staff group and the Coopération-wide group (created by
houses.0003) get the rights on progress entries (charter/roles.py);
`HouseScopedAdminMixin` then limits each group to its own house.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("charter", "0002_plugin_names"),
        ("houses", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
