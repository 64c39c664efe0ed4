"""Create the site-wide roles "Éditeur·rice" and "Administrateur·rice".

What each may do is declared by each app's `roles.py` (see coop_site/roles.py)
and the README section "Rôles et permissions". `sync_roles` reads those
modules as they are today and skips what this database lacks yet (the
permissions of the apps migrated later); `migrate` itself calls it again
once every migration has run.
"""

from django.db import migrations

from coop_site.roles import sync_roles


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
