"""The site's roles (auth groups), and the one place that gives each its permissions.

Each app says what each role may do with ITS models in its own `roles.py`:
a mapping `ROLES = {role: [entries]}`, where an entry is a codename of the
app ("change_event"), `crud("event")` (add, change, delete, view), `ALL`
(every permission of the app), or `(app_label, codename)` for a shared,
third-party app (django CMS, filer) the app needs for that role; never
another of the project's apps. This module finds those modules as the admin
finds `admin.py` (`declared_roles`), so no app imports another for its roles.

`sync_roles` resets every role's groups to exactly these permissions. The
roles data migrations call it, and so does `migrate` itself, once all
migrations have run (`CoopSiteConfig.ready` connects `sync_roles_after_migrate`
to post_migrate): a new model's permissions reach the roles on the next
`migrate`, and a test database flushed by a transactional test gets its
groups back. A group changed by hand in the admin is put back the same way.

Roles (a role's name is also its group's, but for a house's team):
- EDITOR: the pages, news, galleries, documents and the media library.
- HOUSE_TEAM: each house's staff group (`houses.House.staff_group`, limited
  to its house by `houses.permissions.HouseScopedAdminMixin`) and the
  Coopération-wide group, which manages every house.
- EVALUATION_OFFICER: the evaluation reports.
- ADMINISTRATOR: every permission. An app lists under ADMINISTRATOR what
  nobody else may do, so that every permission of the project's apps is
  given on purpose (tests/roles/test_permissions_matrix.py).
"""

from importlib import import_module

from django.apps import apps as global_apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.module_loading import module_has_submodule

from coop_site.migration_helpers import create_permissions_now

EDITOR = "Éditeur·rice"
HOUSE_TEAM = "Équipe <maison>"
EVALUATION_OFFICER = "Chargé·e d'évaluation"
ADMINISTRATOR = "Administrateur·rice"
ROLE_NAMES = [EDITOR, HOUSE_TEAM, EVALUATION_OFFICER, ADMINISTRATOR]

COOPERATION_WIDE_GROUP = "Équipe Coopération (toutes les maisons)"

ALL = "*"
CRUD = ("add", "change", "delete", "view")


def crud(model):
    """The add, change, delete and view permissions of `model` ("event", or "filer.image")."""
    app_label, _, name = model.rpartition(".")
    codenames = [f"{action}_{name}" for action in CRUD]
    return [(app_label, codename) for codename in codenames] if app_label else codenames


# The pages and the media library belong to no app of the project: the site's.
ROLES = {
    EDITOR: [
        *crud("figure"),
        # CMS pages, their plugins, the clipboard. django CMS 5 has no
        # permissions on placeholders or page contents: a page's govern them.
        *crud("cms.page"),
        *crud("cms.cmsplugin"),
        *crud("cms.aliaspluginmodel"),
        *crud("cms.placeholderreference"),
        *crud("cms.usersettings"),
        ("cms", "publish_page"),
        ("cms", "use_structure"),
        ("cms", "edit_static_placeholder"),
        *crud("djangocms_text.text"),
        # Shared content (the site-wide notice, the footer's partners): edited
        # once, versioned like pages (djangocms-alias).
        *crud("djangocms_alias.alias"),
        *crud("djangocms_alias.aliascontent"),
        *crud("djangocms_alias.category"),
        *crud("djangocms_alias.aliasplugin"),
        *crud("djangocms_versioning.aliascontentversion"),
        # Drafts, publishing, reverting. Not "delete_versionlock": unlocking a
        # colleague's draft is for administrators, so nobody overwrites silently.
        *crud("djangocms_versioning.version"),
        *crud("djangocms_versioning.pagecontentversion"),
        ("djangocms_versioning", "view_statetracking"),
        # The whole media library (and, with folder permissions on, every
        # folder: `sync_folder_permissions`).
        *crud("filer.file"),
        *crud("filer.image"),
        *crud("filer.folder"),
        *crud("filer.clipboard"),
        *crud("filer.clipboarditem"),
        ("filer", "can_use_directory_listing"),
    ],
    # The login lockouts (django-axes): seen and lifted by administrators only.
    # ADMINISTRATOR holds every permission anyway; named here to say so on purpose.
    ADMINISTRATOR: [
        ("axes", "view_accessattempt"),
        ("axes", "delete_accessattempt"),
        ("axes", "view_accesslog"),
        ("axes", "delete_accesslog"),
        ("axes", "view_accessfailurelog"),
        ("axes", "delete_accessfailurelog"),
    ],
}


def declared_roles():
    """{app label: its `ROLES`} for every installed app that has a `roles` module."""
    declared = {}
    for app_config in global_apps.get_app_configs():
        if module_has_submodule(app_config.module, "roles"):
            module = import_module(f"{app_config.name}.roles")
            declared[app_config.label] = getattr(module, "ROLES", {})
    return declared


def declared_permissions(role):
    """{app label: set of codenames, or {ALL}} that the roles modules give `role`."""
    wanted = {}
    for app_label, roles in declared_roles().items():
        for entry in roles.get(role, ()):
            label, codename = entry if isinstance(entry, tuple) else (app_label, entry)
            wanted.setdefault(label, set()).add(codename)
    return wanted


def role_permissions(role, Permission=None):
    """The permissions `role` holds: every one for ADMINISTRATOR, else what the apps declare.

    `Permission` is the model to query: a migration passes its historical one.
    A permission not created yet (an app migrated later) is simply absent.
    """
    if Permission is None:
        from django.contrib.auth.models import Permission
    if role == ADMINISTRATOR:
        return Permission.objects.all()
    query = Q(pk__in=[])
    for app_label, codenames in declared_permissions(role).items():
        if ALL in codenames:
            query |= Q(content_type__app_label=app_label)
        else:
            query |= Q(content_type__app_label=app_label, codename__in=codenames)
    return Permission.objects.filter(query)


def role_groups(role, Group):
    """The groups holding `role`, created if missing (a house's own group: houses.services)."""
    if role != HOUSE_TEAM:
        return [Group.objects.get_or_create(name=role)[0]]
    Group.objects.get_or_create(name=COOPERATION_WIDE_GROUP)
    teams = Q(name=COOPERATION_WIDE_GROUP)
    try:
        Group._meta.get_field("house")  # a house's staff group (houses.House.staff_group)
        teams |= Q(house__isnull=False)
    except FieldDoesNotExist:  # a migration that runs before the houses app's first one
        pass
    return list(Group.objects.filter(teams))


def sync_roles(apps=global_apps, schema_editor=None):
    """Give every role's groups exactly their permissions (a data migration's function)."""
    create_permissions_now(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLE_NAMES:
        permissions = list(role_permissions(role, Permission))
        for group in role_groups(role, Group):
            group.permissions.set(permissions)


def sync_folder_permissions(apps=global_apps, schema_editor=None):
    """Editors and administrators keep the whole media library once folder
    permissions are on (FILER_ENABLE_PERMISSIONS): one permission "all
    items", on no folder, for each group. Each house's team gets its own
    folder from the houses app (houses.media)."""
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


def sync_roles_after_migrate(sender, apps=global_apps, **kwargs):
    """post_migrate, once per `migrate` (and per test-database flush): converge the roles."""
    sync_roles(apps)
    sync_folder_permissions(apps)
