"""Each house's team fills its own folder of the media library and writes its presentation.

The existing staff groups (and the Coopération-wide group) receive the media
library's and the text plugin's permissions (houses/roles.py); each house with a staff group
gets its folder, named after it, on which its group (and the Coopération-wide
group) may read, change and upload. New houses get the same from
`houses.services.house_staff_group_ensure`.
"""

from django.db import migrations

from coop_site.roles import COOPERATION_WIDE_GROUP, sync_roles

ALLOW = 1  # filer's FolderPermission.ALLOW
CHILDREN = 2  # filer's FolderPermission.CHILDREN: the folder and what is inside


def forwards(apps, schema_editor):
    sync_roles(apps)

    Group = apps.get_model("auth", "Group")
    House = apps.get_model("houses", "House")
    Folder = apps.get_model("filer", "Folder")
    FolderPermission = apps.get_model("filer", "FolderPermission")
    cooperation = Group.objects.filter(name=COOPERATION_WIDE_GROUP).first()
    for house in House.objects.filter(staff_group__isnull=False).select_related("staff_group"):
        existing = FolderPermission.objects.filter(
            group=house.staff_group, folder__isnull=False
        ).first()
        folder = existing.folder if existing else None
        if folder is None:
            folder = Folder.objects.filter(parent__isnull=True, name=house.name).order_by(
                "pk"
            ).first() or Folder.objects.create(name=house.name)
        for group in (house.staff_group, cooperation):
            if group is not None:
                FolderPermission.objects.get_or_create(
                    folder=folder,
                    group=group,
                    type=CHILDREN,
                    defaults={"can_read": ALLOW, "can_edit": ALLOW, "can_add_children": ALLOW},
                )


class Migration(migrations.Migration):
    dependencies = [
        ("houses", "0004_house_team_rights"),
        ("filer", "0018_alter_file_options"),
        ("djangocms_text", "0004_remove_old_ckeditor_table"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
