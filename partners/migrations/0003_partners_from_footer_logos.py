"""The footer's logos become partners: entered once, in the admin, read by the footer's block.

Each « Logo de partenaire » block (coop_site.PartnerLogo, a child of the
« Logos de partenaires » block of the shared content « partenaires ») becomes a
Partner with the same name, address and logo, once per name; the child blocks
go, and the blocks left in their zone are numbered again without gaps (django
CMS keeps positions 1, 2, 3… per zone and language). The parent block stays:
it now reads the partners (partners.cms_plugins.PartnerLogosPlugin).
"""

from django.db import migrations


def logos_to_partners(apps, schema_editor):
    PartnerLogo = apps.get_model("coop_site", "PartnerLogo")
    Partner = apps.get_model("partners", "Partner")
    CMSPlugin = apps.get_model("cms", "CMSPlugin")
    logos = list(PartnerLogo.objects.order_by("placeholder_id", "language", "position"))
    for order, logo in enumerate(logos, start=1):
        if not Partner.objects.filter(name=logo.name).exists():
            Partner.objects.create(
                name=logo.name,
                url=logo.url,
                logo_id=logo.image_id,
                # The block read the name out in place of the logo.
                alt_text=logo.name if logo.image_id else "",
                kind="partenaire",
                order=order,
            )
    zones = {(logo.placeholder_id, logo.language) for logo in logos}
    CMSPlugin.objects.filter(pk__in=[logo.pk for logo in logos]).delete()
    for placeholder_id, language in zones:
        plugins = CMSPlugin.objects.filter(placeholder_id=placeholder_id, language=language)
        for position, plugin in enumerate(plugins.order_by("position"), start=1):
            if plugin.position != position:
                CMSPlugin.objects.filter(pk=plugin.pk).update(position=position)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0002_roles"),
        ("coop_site", "0006_partner_logos"),
        ("cms", "0045_pageurl_site_unique_path"),
    ]

    operations = [migrations.RunPython(logos_to_partners, migrations.RunPython.noop)]
