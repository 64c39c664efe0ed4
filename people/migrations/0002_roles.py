"""The house teams keep their own house's people and project groups; the editors every house's.

The rights are those of people/roles.py; `HouseScopedAdminMixin` limits each
house's team to its house, `people.manage_all_people` lets the editors reach all.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("houses", "0004_house_team_rights"),
        ("coop_site", "0003_roles_complete"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
