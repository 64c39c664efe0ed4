"""Prices by quotient familial: how a grid's bands must fit, and how a price is written.

The models (houses.models.FeeGrid, FeeBand) and the admin's inline formset
share `band_errors`, so a grid is refused the same way wherever it is edited.
A band holds whole euros of quotient familial, both ends included
("de 0 à 500 €", then "de 501 à 900 €"); the last one is open ("901 € et plus").
"""

from django.utils.translation import gettext as _

from coop_site.formatting import format_euros, format_number

# Above this, a quotient familial is a typing mistake (the CAF's are a few thousand at most).
QUOTIENT_MAX = 100_000


def band_label(qf_from, qf_to):
    """« de 0 à 500 € », « 901 € et plus »."""
    if qf_to is None:
        return _("%(from)s € et plus") % {"from": format_number(qf_from)}
    return _("de %(from)s à %(to)s €") % {
        "from": format_number(qf_from),
        "to": format_number(qf_to),
    }


def price_range_text(low, high, *, unit=""):
    """« de 2 € à 12 € selon votre quotient familial » (« 3 € la journée … » for one price)."""
    if low is None:
        return _("Selon le quotient familial")
    unit = f" {unit}" if unit else ""
    if low == high:
        return _("%(price)s%(unit)s selon votre quotient familial") % {
            "price": format_euros(low),
            "unit": unit,
        }
    return _("de %(low)s à %(high)s%(unit)s selon votre quotient familial") % {
        "low": format_euros(low),
        "high": format_euros(high),
        "unit": unit,
    }


def band_errors(bands):
    """What is wrong with a grid's bands, as [(index in `bands`, field, French message)].

    `bands` are (qf_from, qf_to) pairs in any order (None for an open end).
    The bands must start at 0, follow one another without a gap or an overlap,
    and only the last may stay open. Bands whose own bounds are wrong
    (`qf_to` below `qf_from`) are left to the band's own check.
    """
    errors = []
    usable = [
        (index, qf_from, qf_to)
        for index, (qf_from, qf_to) in enumerate(bands)
        if qf_from is not None and (qf_to is None or qf_to >= qf_from)
    ]
    if not usable:
        return errors
    usable.sort(key=lambda item: item[1])
    reach_index, reach_from, reach_to = usable[0]
    if reach_from != 0:
        errors.append(
            (
                reach_index,
                "qf_from",
                _(
                    "La première tranche doit commencer à 0 € : sinon, un quotient inférieur à "
                    "%(from)s € n'aurait pas de prix."
                )
                % {"from": format_number(reach_from)},
            )
        )
    # The band reaching furthest so far: a band starting before its end overlaps it.
    for next_index, next_from, next_to in usable[1:]:
        if reach_to is None or next_from <= reach_to:
            errors.append(
                (
                    next_index,
                    "qf_from",
                    _(
                        "Cette tranche chevauche la tranche « %(other)s » : un même quotient "
                        "aurait deux prix."
                    )
                    % {"other": band_label(reach_from, reach_to)},
                )
            )
        elif next_from > reach_to + 1:
            errors.append(
                (
                    next_index,
                    "qf_from",
                    _(
                        "Il manque la tranche de %(gap_from)s à %(gap_to)s € : cette tranche doit "
                        "commencer à %(expected)s € (juste après « %(other)s »)."
                    )
                    % {
                        "gap_from": format_number(reach_to + 1),
                        "gap_to": format_number(next_from - 1),
                        "expected": format_number(reach_to + 1),
                        "other": band_label(reach_from, reach_to),
                    },
                )
            )
        if reach_to is not None and (next_to is None or next_to > reach_to):
            reach_index, reach_from, reach_to = next_index, next_from, next_to
    if reach_to is not None:
        errors.append(
            (
                reach_index,
                "qf_to",
                _(
                    "Laissez vide la fin de la dernière tranche (« et plus ») : sinon, un "
                    "quotient supérieur à %(to)s € n'aurait pas de prix."
                )
                % {"to": format_number(reach_to)},
            )
        )
    return errors
