"""The "Chargé·e d'évaluation" group loses the media library (django-filer).

Migration 0002 let the officer add files, images and folders to the media
library, yet nothing the officer edits uses it: report PDFs and covers live
in the evaluation's private storage. The README's roles table says the
officer has no Galeries and no Documents, so the group is reset to exactly
the evaluation permissions; filer's uploader then answers 403.
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


def officer_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    evaluation = Permission.objects.filter(
        content_type__app_label="evaluation", content_type__model__in=EVALUATION_MODELS
    )
    # The history of replaced PDFs is read-only, even for the officer.
    history = Permission.objects.filter(
        content_type__app_label="evaluation", codename="view_reportfilehistory"
    )
    return list(evaluation) + list(history)


def sync_group(apps, schema_editor):
    create_permissions_now(apps, "evaluation")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(officer_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0003_report_publication_date_help"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    # Going back keeps the narrower group: giving the media library back is not wanted.
    operations = [migrations.RunPython(sync_group, migrations.RunPython.noop)]
