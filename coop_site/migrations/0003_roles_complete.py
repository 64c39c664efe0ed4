"""Complete the site-wide roles now that every app has its models.

The editors get the galleries' and documents' permissions, the
administrators every permission of every app (houses, charter, evaluation
included). Same function as 0002: it resets the groups to their definition.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("coop_site", "0002_roles"),
        ("houses", "0003_staff_groups"),
        ("charter", "0002_plugin_names"),
        ("evaluation", "0002_evaluation_officer_group"),
        ("news", "0001_initial"),
        ("galleries", "0001_initial"),
        ("documents", "0001_initial"),
        # So that "everything" really is every installed app's permissions.
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("sessions", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
        ("easy_thumbnails", "0002_thumbnaildimensions"),
        ("menus", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
