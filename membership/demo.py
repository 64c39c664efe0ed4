"""Demo data of the membership app: the loading logic of membership/demo.yaml.

The seed gives no fee and no price: every terms' sheet and grid is flagged
`is_sample`, shown to visitors as « Exemple — tarifs à confirmer auprès de la
maison ». Found before created, so a second run changes nothing; a sheet or a
grid a team has entered is never touched.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from coop_site.demo import DemoData, ensure_page
from houses.models import Activity, FeeBand, FeeGrid, House, Season

from .models import FinancialHelp, MembershipTerms

DATA = DemoData(
    __file__,
    required={
        "season": ("starts", "ends"),
        "page": ("reverse_id", "title", "slug"),
        "helps": ("name",),
        "terms": ("house", "helps"),
        "grids": ("house", "name", "bands", "activities"),
    },
)

TERMS_FIELDS = ("individual_fee", "family_fee", "association_fee")


def ensure_season(today):
    """The season containing `today`: an existing one, or the school year's."""
    season = Season.objects.current(today)
    if season is not None:
        return season
    (start_month, start_day), (end_month, end_day) = (
        DATA["season"]["starts"],
        DATA["season"]["ends"],
    )
    start_year = (
        today.year if (today.month, today.day) >= (start_month, start_day) else today.year - 1
    )
    season, _ = Season.objects.get_or_create(
        label=f"{start_year}-{start_year + 1}",
        defaults={
            "starts_on": datetime.date(start_year, start_month, start_day),
            "ends_on": datetime.date(start_year + 1, end_month, end_day),
        },
    )
    return season


def load(*, stdout, today=None):
    today = today or timezone.localdate()
    season = ensure_season(today)
    houses = House.objects.in_bulk(
        [item["house"] for item in DATA["terms"] + DATA["grids"]], field_name="slug"
    )
    helps = {}
    for order, item in enumerate(DATA["helps"], start=1):
        helps[item["name"]], _ = FinancialHelp.objects.get_or_create(
            name=item["name"], defaults={"description": item.get("description", ""), "order": order}
        )
    created_terms = 0
    for item in DATA["terms"]:
        house = houses.get(item["house"])
        if house is None:
            continue
        fields = {
            name: Decimal(item[name]) if item.get(name) is not None else None
            for name in TERMS_FIELDS
        }
        for name in ("fee_note", "papers", "where_when"):
            fields[name] = item.get(name, "")
        terms, created = MembershipTerms.objects.get_or_create(
            house=house, season=season, defaults={**fields, "is_sample": True}
        )
        if created:
            terms.helps.set([helps[name] for name in item["helps"]])
            created_terms += 1
    created_grids = 0
    for item in DATA["grids"]:
        house = houses.get(item["house"])
        if house is None:
            continue
        grid, created = FeeGrid.objects.get_or_create(
            house=house,
            season=season,
            name=item["name"],
            defaults={"unit": item.get("unit", ""), "is_sample": True},
        )
        if created:
            FeeBand.objects.bulk_create(
                FeeBand(grid=grid, qf_from=qf_from, qf_to=qf_to, price=Decimal(price))
                for qf_from, qf_to, price in item["bands"]
            )
            created_grids += 1
        Activity.objects.filter(slug__in=item["activities"], fee_grid__isnull=True).update(
            fee_grid=grid
        )
    if created_terms or created_grids:
        stdout.write(
            f"  adhésions d'exemple : {created_terms} fiches, {created_grids} grilles ({season})"
        )
    ensure_page(**DATA["page"], stdout=stdout)
