"""One staff group per existing house, and the Coopération-wide group.

Their permissions are the house team's, as every app's roles.py declares
them (see coop_site/roles.py). New houses get their group from
`houses.services.house_staff_group_ensure` (admin save, demo loader).
"""

from django.db import migrations

from coop_site.roles import sync_roles


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    House = apps.get_model("houses", "House")
    for house in House.objects.filter(staff_group__isnull=True):
        house.staff_group, _ = Group.objects.get_or_create(name=f"Équipe {house.short_name}")
        house.save(update_fields=["staff_group"])
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("houses", "0002_opening_hours_activities_agenda_contact"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
