"""The "Chargé·e d'évaluation" group: the evaluation models and uploads, nothing else.

Permissions are normally created after all migrations; they are created
here first so that a fresh database gets a complete group.
"""

from django.db import migrations

from coop_site.migration_helpers import create_permissions_now

GROUP_NAME = "Chargé·e d'évaluation"
EVALUATION_MODELS = [
    "referential",
    "dimension",
    "report",
    "dimensionresult",
    "evaluatedaction",
    "indicator",
    "indicatorvalue",
]
# Uploading into the media library (django-filer): adding and changing files,
# images and folders; deleting stays with the editors.
FILER_PERMISSIONS = [
    "add_file",
    "change_file",
    "add_image",
    "change_image",
    "add_folder",
    "change_folder",
]


def officer_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    evaluation_types = ContentType.objects.filter(app_label="evaluation", model__in=EVALUATION_MODELS)
    evaluation = Permission.objects.filter(content_type__in=evaluation_types)
    # The history of replaced PDFs is read-only, even for the officer.
    history = Permission.objects.filter(
        content_type__app_label="evaluation", codename="view_reportfilehistory"
    )
    filer = Permission.objects.filter(content_type__app_label="filer", codename__in=FILER_PERMISSIONS)
    return list(evaluation) + list(history) + list(filer)


def create_group(apps, schema_editor):
    create_permissions_now(apps, "evaluation", "filer")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(officer_permissions(apps))


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("filer", "0018_alter_file_options"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
