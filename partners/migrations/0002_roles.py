"""Editors keep the partners (partners/roles.py), as they kept the footer's logos."""

from django.db import migrations

from coop_site.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("coop_site", "0006_partner_logos"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
