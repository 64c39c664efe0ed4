"""The site-wide roles (auth groups) and exactly their permissions.

Imported by the roles data migrations (the leading underscore keeps Django's
migration loader from reading this file as a migration). Each migration that
calls `sync_roles` resets the groups to these permissions, so running it
again, or once more after a new app arrives, converges on the same result.

Per-house staff groups ("Équipe <maison>") belong to the houses app and
"Chargé·e d'évaluation" to the evaluation app; they are not touched here.
"""

from coop_site.migration_helpers import create_permissions_now

EDITOR = "Éditeur·rice"
ADMINISTRATOR = "Administrateur·rice"

CRUD = ("add", "change", "delete", "view")

# (app label, model) whose add/change/delete/view permissions an editor gets,
# and single extra codenames. An app named with model "*" gives every
# permission of that app (its models are built by other helpers).
EDITOR_MODELS = [
    # CMS pages, their contents and plugins, the clipboard.
    ("cms", "page"),
    ("cms", "cmsplugin"),
    ("cms", "aliaspluginmodel"),
    ("cms", "placeholderreference"),
    ("cms", "usersettings"),
    ("djangocms_text", "text"),
    ("coop_site", "figure"),
    # Drafts, publishing, reverting. Not "delete_versionlock": unlocking a
    # colleague's draft is for administrators, so nobody overwrites silently.
    ("djangocms_versioning", "version"),
    ("djangocms_versioning", "pagecontentversion"),
    # News, galleries, documents.
    ("news", "newsitem"),
    ("news", "category"),
    ("galleries", "*"),
    ("documents", "*"),
    # The media library.
    ("filer", "file"),
    ("filer", "image"),
    ("filer", "folder"),
    ("filer", "clipboard"),
    ("filer", "clipboarditem"),
]
EDITOR_CODENAMES = [
    ("cms", "publish_page"),
    ("cms", "use_structure"),
    ("cms", "edit_static_placeholder"),
    ("cms", "view_placeholder"),
    ("cms", "change_placeholder"),
    ("cms", "view_pagecontent"),
    ("cms", "add_pagecontent"),
    ("cms", "change_pagecontent"),
    ("cms", "delete_pagecontent"),
    ("djangocms_versioning", "view_statetracking"),
    ("filer", "can_use_directory_listing"),
]


def editor_permissions(Permission):
    from django.db.models import Q

    query = Q(pk__in=[])
    for app_label, model in EDITOR_MODELS:
        if model == "*":
            query |= Q(content_type__app_label=app_label)
        else:
            query |= Q(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in CRUD],
            )
    for app_label, codename in EDITOR_CODENAMES:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


def sync_roles(apps, schema_editor=None):
    create_permissions_now(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(editor_permissions(Permission))
    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(Permission.objects.all())


def sync_folder_permissions(apps, schema_editor=None):
    """Editors and administrators keep the whole media library once folder
    permissions are on (FILER_ENABLE_PERMISSIONS): one permission "all
    items", on no folder, for each group. Each house's team gets its own
    folder from the houses app."""
    Group = apps.get_model("auth", "Group")
    FolderPermission = apps.get_model("filer", "FolderPermission")
    allow = 1  # FolderPermission.ALLOW
    for name in (EDITOR, ADMINISTRATOR):
        group, _ = Group.objects.get_or_create(name=name)
        FolderPermission.objects.update_or_create(
            group=group,
            folder=None,
            type=0,  # FolderPermission.ALL
            defaults={"can_read": allow, "can_edit": allow, "can_add_children": allow},
        )
