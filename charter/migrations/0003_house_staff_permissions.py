"""House staff keep their house's charter progress up to date.

Each house's staff group and the Coopération-wide group (created by
houses.0003) get the rights on progress entries; `HouseScopedAdminMixin`
then limits each group to its own house.
"""

from django.db import migrations

from coop_site.migration_helpers import create_permissions_now
from django.db.models import Q

COOPERATION_WIDE_GROUP = "Équipe Coopération (toutes les maisons)"

PERMISSIONS = [
    "add_commitmentprogress",
    "change_commitmentprogress",
    "delete_commitmentprogress",
    "view_commitmentprogress",
]


def forwards(apps, schema_editor):
    create_permissions_now(apps, "charter")

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="charter", codename__in=PERMISSIONS)
    )
    groups = Group.objects.filter(Q(house__isnull=False) | Q(name=COOPERATION_WIDE_GROUP))
    for group in groups:
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("charter", "0002_plugin_names"),
        ("houses", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
