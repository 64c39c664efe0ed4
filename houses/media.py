"""Each house's folder in the media library (django-filer), and who uploads where.

With `FILER_ENABLE_PERMISSIONS`, filer reads its folder permissions: the
editors and administrators hold one on the whole library (type "all items",
no folder; coop_site.roles.sync_folder_permissions), each house's staff group one on
its house's folder and what is inside ("this item and all children"). That
permission is also how a house finds its folder: the house model has no
field for it.

Filer's uploader, without a folder in its URL (the file widget of every admin
form), puts the file in the last folder browsed, or else in "unsorted files",
which every user of the library may reach by searching. A house's team has
no right there: its uploads go to its house's folder (`upload_folder`).
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from filer import settings as filer_settings
from filer.cache import clear_folder_permission_cache
from filer.models import Folder, FolderPermission

ALLOW = FolderPermission.ALLOW


def _user_permissions(user):
    return FolderPermission.objects.filter(
        Q(user=user) | Q(group__in=user.groups.all()) | Q(everybody=True)
    )


def has_whole_media_library(user):
    """May `user` upload anywhere in the library, "unsorted files" included?"""
    if not filer_settings.FILER_ENABLE_PERMISSIONS or user.is_superuser:
        return True
    return (
        _user_permissions(user)
        .filter(folder__isnull=True, type=FolderPermission.ALL, can_add_children=ALLOW)
        .exists()
    )


def house_folder(house):
    """The folder of `house`'s team in the media library, or None."""
    if house.staff_group_id is None:
        return None
    permission = (
        FolderPermission.objects.filter(group_id=house.staff_group_id, folder__isnull=False)
        .select_related("folder")
        .order_by("pk")
        .first()
    )
    return permission.folder if permission else None


def folder_grant(*, folder, group):
    """Let `group` read, change and fill `folder` and what is inside it."""
    FolderPermission.objects.get_or_create(
        folder=folder,
        group=group,
        type=FolderPermission.CHILDREN,
        defaults={"can_read": ALLOW, "can_edit": ALLOW, "can_add_children": ALLOW},
    )


def house_folder_ensure(*, house, cooperation_group=None):
    """Give `house` its folder, named after it, that its staff group may fill.

    The Coopération-wide group, which manages every house, fills it too.
    """
    folder = house_folder(house)
    if folder is None:
        folder = Folder.objects.filter(parent__isnull=True, name=house.name).order_by(
            "pk"
        ).first() or Folder.objects.create(name=house.name)
        folder_grant(folder=folder, group=house.staff_group)
    if cooperation_group is not None:
        folder_grant(folder=folder, group=cooperation_group)
    return folder


def upload_folders(user):
    """The folders `user` may upload into, when not the whole library (their houses' folders)."""
    ids = FolderPermission.objects.get_add_children_id_list(user)
    if ids == "All":
        return Folder.objects.all()
    return Folder.objects.filter(Q(pk__in=ids) | Q(owner=user))


def upload_folder(user, *, last_folder_id=None):
    """Where an upload without a folder goes for `user`: None means "as filer does".

    For a user without the whole library: the last folder browsed if they may
    upload there, else their first house's folder, else `False` (refused).
    """
    if has_whole_media_library(user):
        return None
    allowed = upload_folders(user)
    if last_folder_id:
        folder = allowed.filter(pk=last_folder_id).first()
        if folder is not None:
            return folder
    permission = (
        _user_permissions(user)
        .filter(folder__isnull=False, can_add_children=ALLOW)
        .select_related("folder")
        .order_by("folder__name", "pk")
        .first()
    )
    return permission.folder if permission else False


@receiver(post_save, sender=Folder)
@receiver(post_delete, sender=Folder)
@receiver(post_save, sender=FolderPermission)
@receiver(post_delete, sender=FolderPermission)
def _forget_folder_permissions(sender, instance, **kwargs):
    # Filer caches each user's folder ids for minutes, "all items" included:
    # without this, a folder created by a colleague (a gallery's, a new
    # house's) would refuse uploads. Filer's cache key holds no user, so
    # clearing it for one user clears it for all.
    clear_folder_permission_cache(getattr(instance, "owner", None))
