"""Small factories for the membership tests: seasons, grids and terms sheets."""

import datetime
from decimal import Decimal

from django.utils import timezone

from houses.models import FeeBand, FeeGrid, Season
from membership.models import FinancialHelp, MembershipTerms


def current_season(label=None):
    """The season containing today (the school year), created once."""
    today = timezone.localdate()
    start = today.year if today.month >= 9 else today.year - 1
    season = Season.objects.current(today)
    if season:
        return season
    return Season.objects.create(
        label=label or f"{start}-{start + 1}",
        starts_on=datetime.date(start, 9, 1),
        ends_on=datetime.date(start + 1, 8, 31),
    )


def make_grid(
    house, *, season=None, name="Accueil de loisirs", unit="la journée", bands=None, **fields
):
    """`bands`: [(qf_from, qf_to or None, "price")]; by default 0-500: 2 €, 501-900: 6 €, 901+: 12 €."""
    grid = FeeGrid.objects.create(
        house=house, season=season or current_season(), name=name, unit=unit, **fields
    )
    for qf_from, qf_to, price in bands or [(0, 500, "2"), (501, 900, "6"), (901, None, "12")]:
        FeeBand.objects.create(grid=grid, qf_from=qf_from, qf_to=qf_to, price=Decimal(price))
    return grid


def make_terms(house, *, season=None, helps=(), **fields):
    fields.setdefault("individual_fee", Decimal("8"))
    fields.setdefault("family_fee", Decimal("15"))
    fields.setdefault("association_fee", Decimal("30"))
    terms = MembershipTerms.objects.create(house=house, season=season or current_season(), **fields)
    terms.helps.set([FinancialHelp.objects.get_or_create(name=name)[0] for name in helps])
    return terms
