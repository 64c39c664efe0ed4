"""What the « Adhérer » page and the house pages show: read in a fixed number of queries."""

from dataclasses import dataclass, field

from django.utils import timezone

from coop_site.apphooks import reverse_or_empty
from houses.models import Activity, FeeGrid, House

from .models import MembershipTerms


@dataclass
class HouseColumn:
    """One house on the « Adhérer » page: its terms and its grids for the season."""

    house: House
    terms: MembershipTerms | None = None
    grids: list = field(default_factory=list)

    @property
    def is_sample(self):
        return bool(
            (self.terms and self.terms.is_sample) or any(grid.is_sample for grid in self.grids)
        )


def comparison(*, season):
    """[HouseColumn] for every neighbourhood house, in the houses' order (4 queries)."""
    houses = list(House.objects.neighbourhood_houses())
    columns = {house.pk: HouseColumn(house=house) for house in houses}
    if season is not None:
        for terms in MembershipTerms.objects.for_season(season).for_page():
            if terms.house_id in columns:
                columns[terms.house_id].terms = terms
        for grid in FeeGrid.objects.for_season(season).with_bands():
            if grid.house_id in columns:
                columns[grid.house_id].grids.append(grid)
    return [columns[house.pk] for house in houses]


@dataclass
class Quote:
    """The price at a quotient familial: of one grid, or of one activity."""

    price: object  # Decimal or None (no band for it)
    band: object = None
    grid: object = None
    activity: object = None


def quote_grids(columns, quotient):
    """Gives every grid of the columns its `quote` at `quotient` (no query); True if any."""
    found = False
    for column in columns:
        for grid in column.grids:
            band = grid.price_for(quotient)
            grid.quote = Quote(price=band.price if band else None, band=band, grid=grid)
            found = True
    return found


def quote_activity(activity, quotient):
    price, band = activity.price_for(quotient)
    return Quote(price=price, band=band, grid=activity.fee_grid, activity=activity)


def priced_activities():
    """The current activities a visitor can price, with their grid's bands (3 queries)."""
    return (
        Activity.objects.current()
        .select_related("fee_grid__season", "fee_grid__house")
        .prefetch_related("houses", "fee_grid__bands")
        .order_by("title", "pk")
    )


def house_section(house):
    """The context of the « Adhérer » section of a house page (houses/sections.py): 2 queries."""
    today = timezone.localdate()
    terms = (
        MembershipTerms.objects.for_page()
        .filter(house=house, season__starts_on__lte=today, season__ends_on__gte=today)
        .order_by("-season__starts_on")
        .first()
    )
    return {"membership_terms": terms, "join_url": reverse_or_empty("membership:join")}
