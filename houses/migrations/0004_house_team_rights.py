"""Each house's team changes its own house (hours, closures, phone, photo).

Until now "may change houses" meant "manages every house"; the rule is now
the Coopération-wide group or the `manage_all_houses` permission (the
administrators). The existing groups receive their new rights here; new
houses get them from `houses.services.house_staff_group_ensure`.
"""

from django.db import migrations

from coop_site.migration_helpers import create_permissions_now
from django.db.models import Q

COOPERATION_WIDE_GROUP = "Équipe Coopération (toutes les maisons)"
ADMINISTRATOR = "Administrateur·rice"

TEAM_PERMISSIONS = [
    "view_house",
    "change_house",
    "add_openinghours",
    "change_openinghours",
    "delete_openinghours",
    "view_openinghours",
    "add_closure",
    "change_closure",
    "delete_closure",
    "view_closure",
]


def forwards(apps, schema_editor):
    create_permissions_now(apps, "houses")

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    houses = Permission.objects.filter(content_type__app_label="houses")
    team = list(houses.filter(codename__in=TEAM_PERMISSIONS))
    every_house = list(houses.filter(codename="manage_all_houses"))
    for group in Group.objects.filter(Q(house__isnull=False) | Q(name=COOPERATION_WIDE_GROUP)):
        group.permissions.add(*team)
    for group in Group.objects.filter(name=ADMINISTRATOR):
        group.permissions.add(*every_house)


class Migration(migrations.Migration):
    dependencies = [
        ("houses", "0003_staff_groups"),
        # The administrators' group exists from then on.
        ("coop_site", "0003_roles_complete"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="house",
            options={
                "ordering": ["order", "name"],
                "permissions": [
                    ("manage_all_houses", "Peut gérer les données de toutes les maisons")
                ],
                "verbose_name": "maison",
                "verbose_name_plural": "maisons",
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
