"""Each house's team fills its own folder of the media library and writes its presentation.

The existing staff groups (and the Coopération-wide group) receive the media
library's and the text plugin's permissions; each house with a staff group
gets its folder, named after it, on which its group (and the Coopération-wide
group) may read, change and upload. New houses get the same from
`houses.services.house_staff_group_ensure`.
"""

from django.db import migrations
from django.db.models import Q

from coop_site.migration_helpers import create_permissions_now

COOPERATION_WIDE_GROUP = "Équipe Coopération (toutes les maisons)"
ALLOW = 1  # filer's FolderPermission.ALLOW
CHILDREN = 2  # filer's FolderPermission.CHILDREN: the folder and what is inside

TEAM_PERMISSIONS = [
    ("filer", "can_use_directory_listing"),
    ("filer", "view_folder"),
    ("filer", "add_folder"),
    ("filer", "change_folder"),
    ("filer", "add_file"),
    ("filer", "change_file"),
    ("filer", "delete_file"),
    ("filer", "view_file"),
    ("filer", "add_image"),
    ("filer", "change_image"),
    ("filer", "delete_image"),
    ("filer", "view_image"),
    ("djangocms_text", "add_text"),
    ("djangocms_text", "change_text"),
    ("djangocms_text", "delete_text"),
    ("djangocms_text", "view_text"),
]


def forwards(apps, schema_editor):
    create_permissions_now(apps, "filer", "djangocms_text")

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    House = apps.get_model("houses", "House")
    Folder = apps.get_model("filer", "Folder")
    FolderPermission = apps.get_model("filer", "FolderPermission")

    query = Q(pk__in=[])
    for app_label, codename in TEAM_PERMISSIONS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    permissions = list(Permission.objects.filter(query))
    cooperation = Group.objects.filter(name=COOPERATION_WIDE_GROUP).first()
    if cooperation is not None:
        cooperation.permissions.add(*permissions)

    for house in House.objects.filter(staff_group__isnull=False).select_related("staff_group"):
        house.staff_group.permissions.add(*permissions)
        existing = FolderPermission.objects.filter(
            group=house.staff_group, folder__isnull=False
        ).first()
        folder = existing.folder if existing else None
        if folder is None:
            folder = (
                Folder.objects.filter(parent__isnull=True, name=house.name).order_by("pk").first()
                or Folder.objects.create(name=house.name)
            )
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
