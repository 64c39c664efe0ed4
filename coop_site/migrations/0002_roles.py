"""Create the site-wide roles "Éditeur·rice" and "Administrateur·rice".

See coop_site/migrations/_roles.py for exactly what each may do, and the
README section "Rôles et permissions".
"""

from django.db import migrations

from coop_site.migrations._roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("coop_site", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cms", "0045_pageurl_site_unique_path"),
        ("djangocms_versioning", "0018_fix_typo"),
        ("djangocms_text", "0004_remove_old_ckeditor_table"),
        ("filer", "0018_alter_file_options"),
        ("news", "0001_initial"),
        ("galleries", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
