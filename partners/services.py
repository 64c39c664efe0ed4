"""Reading the partners for the pages, and keeping the blocks that show them fresh."""

from django.db.models import Q

from .models import Partner

PLUGIN_TYPE = "PartnerLogosPlugin"


def partners_of(house):
    """The partners a house's page names: its own, and the Coopération's for the Coopération."""
    partners = Partner.objects.for_display()
    if house.is_cooperation:
        return list(partners.filter(Q(houses=None) | Q(houses=house)).distinct())
    return list(partners.filter(houses=house))


def grouped_by_kind(partners):
    """[(kind label, [partners])], funders first, kinds without partner left out."""
    partners = list(partners)
    groups = []
    for kind, label in Partner.Kind.choices:
        members = [partner for partner in partners if partner.kind == kind]
        if members:
            groups.append((kind, label, members))
    return groups


def forget_rendered_blocks(**kwargs):
    """Drop the CMS's cached render of every zone holding the partners' block (the footer).

    The block reads the partners at render time; the CMS keeps a zone's render
    until its own blocks change, which a partner saved in the admin is not.
    """
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin, Placeholder
    from django.contrib.sites.models import Site

    rows = CMSPlugin.objects.filter(plugin_type=PLUGIN_TYPE).values_list(
        "placeholder_id", "language"
    )
    site_id = Site.objects.get_current().pk
    placeholders = Placeholder.objects.in_bulk({pk for pk, _ in rows})
    for placeholder_id, language in set(rows):
        placeholder = placeholders.get(placeholder_id)
        if placeholder is not None:
            clear_placeholder_cache(placeholder, language, site_id)
