"""The activities' free-text grids become real grids where every line reads as a band.

A line reads as « de 0 à 500 € : 3 € la journée », « jusqu'à 600 € : 1 € »,
« au-delà de 900 € : 10 € la journée » (with or without « Quotient familial »).
The bands must then start at 0, follow one another and end open. The grid is
the activity's first house's, for the activity's season (« 2026-2027 », from
1 September to 31 August; the current school year if none is given), named
after the activity. A text that does not read so stays in
`price_grid_legacy`, shown to the team in the activity's form, to enter by hand.

The house teams get the rights on the grids (houses/roles.py).
"""

import datetime
import re
from decimal import Decimal

from django.db import migrations

from coop_site.roles import sync_roles

NUMBER = r"(\d[\d\s\u00a0\u202f]*)"
PRICE = re.compile(r"^(\d+(?:[.,]\d{1,2})?)\s*€\s*(.*)$")
BETWEEN = re.compile(rf"de\s+{NUMBER}\s*(?:€\s*)?à\s+{NUMBER}")
UP_TO = re.compile(rf"(?:jusqu'à|jusqu’à|≤|<=)\s*{NUMBER}")
BELOW = re.compile(rf"(?:moins de|<)\s*{NUMBER}")
ABOVE = re.compile(rf"(?:au-delà de|au delà de|plus de|>)\s*{NUMBER}")
FROM = re.compile(rf"(?:à partir de|dès|≥|>=)\s*{NUMBER}")
SEASON = re.compile(r"^(\d{4})-(\d{4})$")


def number(text):
    return int(re.sub(r"\D", "", text))


def parse_line(line):
    """(qf_from, qf_to or None, price, unit), or None when the line does not read."""
    left, sep, right = line.rpartition(":")
    if not sep:
        return None
    price = PRICE.match(right.strip())
    if not price:
        return None
    left = left.lower()
    bounds = None
    if match := BETWEEN.search(left):
        bounds = number(match[1]), number(match[2])
    elif match := UP_TO.search(left):
        bounds = 0, number(match[1])
    elif match := BELOW.search(left):
        bounds = 0, number(match[1]) - 1
    elif match := FROM.search(left):
        bounds = number(match[1]), None
    elif match := ABOVE.search(left):
        bounds = number(match[1]) + 1, None
    if bounds is None or (bounds[1] is not None and bounds[1] < bounds[0]):
        return None
    return bounds[0], bounds[1], Decimal(price[1].replace(",", ".")), price[2].strip()


def parse_grid(text):
    """[(qf_from, qf_to, price)], unit; or None if a line does not read or the bands do not fit."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    bands = [parse_line(line) for line in lines]
    if not bands or None in bands:
        return None
    units = {unit for *_, unit in bands}
    if len(units) != 1:
        return None
    bands.sort(key=lambda band: band[0])
    if bands[0][0] != 0 or bands[-1][1] is not None:
        return None
    for band, following in zip(bands, bands[1:], strict=False):
        if band[1] is None or following[0] != band[1] + 1:
            return None
    return [band[:3] for band in bands], units.pop()


def school_year_label(today):
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}-{start + 1}"


def convert(apps, schema_editor):
    Activity = apps.get_model("houses", "Activity")
    Season = apps.get_model("houses", "Season")
    FeeGrid = apps.get_model("houses", "FeeGrid")
    FeeBand = apps.get_model("houses", "FeeBand")
    activities = Activity.objects.filter(price_kind="quotient", fee_grid__isnull=True).exclude(
        price_grid_legacy=""
    )
    for activity in activities:
        parsed = parse_grid(activity.price_grid_legacy)
        house = activity.houses.order_by("order", "name").first()
        if parsed is None or house is None:
            continue
        bands, unit = parsed
        label = activity.season.strip() or school_year_label(datetime.date.today())
        years = SEASON.match(label)
        if not years:
            continue
        season, _ = Season.objects.get_or_create(
            label=label,
            defaults={
                "starts_on": datetime.date(int(years[1]), 9, 1),
                "ends_on": datetime.date(int(years[2]), 8, 31),
            },
        )
        grid, created = FeeGrid.objects.get_or_create(
            house=house,
            season=season,
            name=activity.title[:120],
            defaults={"unit": unit[:40], "is_sample": activity.is_sample},
        )
        if created:
            FeeBand.objects.bulk_create(
                FeeBand(grid=grid, qf_from=qf_from, qf_to=qf_to, price=price)
                for qf_from, qf_to, price in bands
            )
        activity.fee_grid = grid
        activity.price_grid_legacy = ""
        activity.save(update_fields=["fee_grid", "price_grid_legacy"])


def back_to_text(apps, schema_editor):
    Activity = apps.get_model("houses", "Activity")
    for activity in Activity.objects.filter(fee_grid__isnull=False, price_grid_legacy=""):
        lines = []
        for band in activity.fee_grid.bands.order_by("qf_from"):
            bounds = (
                f"au-delà de {band.qf_from - 1} €"
                if band.qf_to is None
                else f"de {band.qf_from} à {band.qf_to} €"
            )
            price = f"{band.price:.2f}".replace(".", ",").removesuffix(",00")
            lines.append(f"{bounds} : {price} € {activity.fee_grid.unit}".rstrip())
        activity.price_grid_legacy = "\n".join(lines)
        activity.save(update_fields=["price_grid_legacy"])


class Migration(migrations.Migration):
    dependencies = [
        ("houses", "0011_fee_grids"),
    ]

    operations = [
        migrations.RunPython(convert, back_to_text),
        migrations.RunPython(sync_roles, migrations.RunPython.noop),
    ]
