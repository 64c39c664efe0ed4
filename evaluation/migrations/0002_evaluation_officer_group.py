"""The "Chargé·e d'évaluation" group: the evaluation models, nothing else.

Its permissions are declared in evaluation/roles.py (see coop_site/roles.py).
"""

from django.db import migrations

from coop_site.roles import EVALUATION_OFFICER, sync_roles


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EVALUATION_OFFICER).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("filer", "0018_alter_file_options"),
    ]

    operations = [migrations.RunPython(sync_roles, delete_group)]
