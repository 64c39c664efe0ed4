"""House teams keep their house's membership terms up to date; administrators the helps' list.

Each house's staff group and the Coopération-wide group (houses.0003) get
the rights of membership/roles.py; `HouseScopedAdminMixin` then limits each
team to its own house.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0001_initial"),
        ("houses", "0012_fee_grids_from_text"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
