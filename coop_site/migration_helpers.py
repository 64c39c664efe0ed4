"""What the roles' data migrations share."""

from django.contrib.auth.management import create_permissions


def create_permissions_now(apps, *app_labels):
    """Create the permissions of `app_labels` (every app if none) inside a data migration.

    Django creates permissions after the last migration, too late for a
    migration that hands them to a group. `create_permissions` skips an app
    whose `models_module` is None, as it is on the historical app configs
    of a migration: it is set for the call, then put back. Putting it back
    matters when a test runs a migration's function with the real app
    registry: left at None, the app would get no permissions after the
    next database flush.
    """
    configs = [apps.get_app_config(label) for label in app_labels] or apps.get_app_configs()
    for app_config in configs:
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = previous
