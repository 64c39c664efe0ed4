"""Each house's team changes its own house (hours, closures, phone, photo).

Until now "may change houses" meant "manages every house"; the rule is now
the Coopération-wide group or the `manage_all_houses` permission (the
administrators). The existing groups receive their new rights here
(houses/roles.py); new houses get them from
`houses.services.house_staff_group_ensure`.
"""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("houses", "0003_staff_groups"),
        # The administrators' group exists from then on.
        ("coop_site", "0003_roles_complete"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="house",
            options={
                "ordering": ["order", "name"],
                "permissions": [
                    ("manage_all_houses", "Peut gérer les données de toutes les maisons")
                ],
                "verbose_name": "maison",
                "verbose_name_plural": "maisons",
            },
        ),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
