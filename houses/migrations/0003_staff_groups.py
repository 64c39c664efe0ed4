"""One staff group per existing house, and the Coopération-wide group.

New houses get their group from `houses.services.house_staff_group_ensure`
(admin save, demo loader).
"""

from django.db import migrations

from coop_site.migration_helpers import create_permissions_now

COOPERATION_WIDE_GROUP = "Équipe Coopération (toutes les maisons)"

PERMISSIONS = [
    "add_activity",
    "change_activity",
    "delete_activity",
    "view_activity",
    "add_event",
    "change_event",
    "delete_event",
    "view_event",
    "change_contactmessage",
    "view_contactmessage",
]


def forwards(apps, schema_editor):
    create_permissions_now(apps, "houses")

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    House = apps.get_model("houses", "House")
    permissions = list(
        Permission.objects.filter(content_type__app_label="houses", codename__in=PERMISSIONS)
    )
    cooperation, _ = Group.objects.get_or_create(name=COOPERATION_WIDE_GROUP)
    cooperation.permissions.add(*permissions)
    for house in House.objects.all():
        if house.staff_group_id is None:
            house.staff_group, _ = Group.objects.get_or_create(name=f"Équipe {house.short_name}")
            house.save(update_fields=["staff_group"])
        house.staff_group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("houses", "0002_opening_hours_activities_agenda_contact"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
