"""Prices written the French way, and the rules a grid's bands follow (houses/fees.py)."""

from decimal import Decimal

import pytest

from coop_site.formatting import format_euros
from houses.fees import band_errors, band_label, price_range_text

pytestmark = pytest.mark.django_db  # the suite's autouse teardown clears the CMS menus

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    "amount, written",
    [
        (Decimal("3"), f"3{NBSP}€"),
        (Decimal("3.00"), f"3{NBSP}€"),
        (Decimal("2.5"), f"2,50{NBSP}€"),
        (Decimal("1200"), f"1{NNBSP}200{NBSP}€"),
        (Decimal("0"), f"0{NBSP}€"),
        (None, ""),
    ],
)
def test_amounts_in_euros_are_written_the_french_way(amount, written):
    assert format_euros(amount) == written


def test_a_price_range_reads_as_the_issue_says():
    assert (
        price_range_text(Decimal(2), Decimal(12)).replace(NBSP, " ")
        == "de 2 € à 12 € selon votre quotient familial"
    )
    assert (
        price_range_text(Decimal(3), Decimal(3), unit="la journée").replace(NBSP, " ")
        == "3 € la journée selon votre quotient familial"
    )
    assert band_label(901, None) == "901 € et plus"
    assert band_label(0, 1500).replace(NNBSP, " ") == "de 0 à 1 500 €"


def test_bands_that_follow_one_another_from_0_to_open_are_accepted_in_any_order():
    assert band_errors([(501, 900), (901, None), (0, 500)]) == []
    assert band_errors([(0, None)]) == []


def test_a_band_inside_another_is_an_overlap_not_a_gap():
    errors = band_errors([(0, 500), (100, 200), (300, 900), (901, None)])

    assert [(index, field) for index, field, _message in errors] == [
        (1, "qf_from"),
        (2, "qf_from"),
    ]
    assert all("chevauche la tranche « de 0 à 500 € »" in message for *_, message in errors)


def test_an_open_band_before_the_last_overlaps_the_next():
    errors = band_errors([(0, None), (501, None)])

    message = (
        "Cette tranche chevauche la tranche « 0 € et plus » : un même quotient aurait deux prix."
    )
    assert errors == [(1, "qf_from", message)]
