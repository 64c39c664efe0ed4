"""The « Adhérer » page, its calculator, and the prices the activities show from their grid."""

import datetime
from decimal import Decimal

import pytest

from houses.models import Activity, House
from tests.houses.factories import make_activity, make_house

from .factories import current_season, make_grid, make_terms

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def text(response):
    """The page's text with its no-break spaces as plain ones (« 2 € », « 1 200 »)."""
    return response.content.decode().replace(NBSP, " ").replace("\u202f", " ")


@pytest.fixture
def houses():
    return [
        make_house(name="Maison de quartier des Ors", short_name="Les Ors", slug="ors", order=1),
        make_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas", slug="sn", order=2),
        make_house(name="L'Accorderie", short_name="Accorderie", slug="acc", order=3),
        make_house(name="Maison Citoyenne Noël Guichard", short_name="MCNG", slug="mcng", order=4),
    ]


@pytest.fixture
def wednesdays(houses):
    grid = make_grid(houses[0], name="Accueil de loisirs du mercredi")
    return make_activity(
        houses[0],
        title="Accueil de loisirs du mercredi",
        slug="mercredis",
        weekday=2,
        price_kind=Activity.PriceKind.QUOTIENT,
        fee_grid=grid,
    )


def test_an_activity_shows_its_price_from_its_grid(client, join_page, wednesdays):
    page = text(client.get(wednesdays.get_absolute_url()))
    assert "de 2 € à 12 € la journée selon votre quotient familial" in page
    assert '<th scope="row">de 501 à 900 €</th><td>6 €</td>' in page
    assert "901 € et plus" in page

    catalogue = text(client.get("/activites/"))
    assert "de 2 € à 12 € la journée selon votre quotient familial" in catalogue
    house_page = text(client.get(wednesdays.houses.get().get_absolute_url()))
    assert "de 2 € à 12 € la journée selon votre quotient familial" in house_page


def test_a_price_without_unit_reads_as_the_issue_says(wednesdays):
    grid = wednesdays.fee_grid
    grid.unit = ""
    grid.save()
    activity = Activity.objects.with_prices().get(pk=wednesdays.pk)

    assert activity.price_label.replace(NBSP, " ") == "de 2 € à 12 € selon votre quotient familial"
    assert Activity.objects.get(pk=wednesdays.pk).price_label == activity.price_label


def test_the_join_page_compares_the_four_houses_in_a_table(client, join_page, houses):
    les_ors, saint_nicolas, accorderie, mcng = houses
    make_terms(
        les_ors,
        individual_fee=Decimal("8"),
        family_fee=Decimal("15"),
        association_fee=Decimal("30"),
        papers="Attestation de quotient familial\nCarnet de santé",
        where_when="À l'accueil, le mardi de 9 h à 12 h",
        helps=["CAF (aides aux loisirs)", "Pass'Sport"],
    )
    make_terms(saint_nicolas, individual_fee=Decimal("0"), family_fee=Decimal("10.5"))
    make_grid(
        mcng,
        name="Cuisine en famille",
        unit="par personne",
        bands=[(0, 600, "1"), (601, None, "3")],
    )

    response = client.get(join_page)
    assert response.status_code == 200
    page = text(response)
    table = page.split('<table class="membership-compare">')[1].split("</table>")[0]
    headers = [
        cell.split("</a>")[0].rsplit(">", 1)[1]
        for cell in table.split("</thead>")[0].split('<th scope="col"')[1:]
    ]
    assert headers == ["Les Ors", "Saint-Nicolas", "Accorderie", "MCNG"]
    assert (
        '<th scope="row">Adhésion individuelle</th><td>8 €</td><td>gratuite</td><td>À demander</td><td>À demander</td>'
        in table.replace("\n", "")
    )
    assert "<td>10,50 €</td>" in table
    assert "<li>Carnet de santé</li>" in table
    assert "<li>Pass&#x27;Sport</li>" in table
    assert (
        "Cuisine en famille</a> : de 1 € à 3 € par personne selon votre quotient familial" in table
    )
    # The table scrolls on its own on a phone, named for screen readers.
    region = page.split('<table class="membership-compare">')[0].rsplit("<div", 1)[1]
    assert 'role="region"' in region
    assert 'aria-label="Tableau des maisons côte à côte (il défile sur un petit écran)"' in region
    assert 'tabindex="0"' in region
    assert "Exemple — tarifs à confirmer" not in page


def test_sample_fees_are_marked_as_an_example(client, join_page, houses):
    make_terms(houses[0], is_sample=True)

    page = text(client.get(join_page))

    assert "Exemple — tarifs à confirmer auprès de la maison" in page


def test_each_house_page_links_to_the_join_page(client, join_page, houses):
    make_terms(houses[0], individual_fee=Decimal("8"), helps=["CAF (aides aux loisirs)"])

    page = text(client.get(houses[0].get_absolute_url()))
    section = page.split('id="adherer"')[1].split("</section>")[0]

    assert "Adhérer à Les Ors" in section
    assert "Adhésion individuelle : 8 €" in section
    assert "CAF (aides aux loisirs)" in section
    assert 'href="/adherer/#maison-ors"' in section
    assert 'href="/adherer/#calculateur"' in page
    # A house without its sheet still links to the comparison.
    other = text(client.get(houses[1].get_absolute_url()))
    assert 'href="/adherer/#maison-sn"' in other


def quote(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response, text(response)


@pytest.mark.parametrize(
    "quotient, price",
    [
        ("0", "2 €"),
        ("500", "2 €"),  # a band's end is inside it
        ("501", "6 €"),  # the next one starts just after
        ("900", "6 €"),
        ("901", "12 €"),
        ("5000", "12 €"),  # the last band has no end
    ],
)
def test_the_calculator_gives_the_price_at_each_band_edge(
    client, join_page, wednesdays, quotient, price
):
    _response, page = quote(client, join_page, quotient=quotient, activite="mercredis")

    result = page.split('id="resultat"')[1].split("</section>")[0]
    assert f"<strong>{price} la journée</strong>" in result
    assert "fee-grid__yours" in result


def test_the_calculator_without_activity_prices_every_house_s_grid(
    client, join_page, houses, wednesdays
):
    make_grid(
        houses[3],
        name="Cuisine en famille",
        unit="par personne",
        bands=[(0, 600, "1"), (601, None, "3")],
    )

    _response, page = quote(client, join_page, quotient="650 €")

    result = page.split('id="resultat"')[1].split("</div>")[0]
    assert "quotient familial de 650 €" in result
    assert "<strong>Les Ors</strong> · " in result and "<strong>6 € la journée</strong>" in result
    assert "<strong>MCNG</strong> · " in result and "<strong>3 € par personne</strong>" in result


def test_the_calculator_reads_a_quotient_as_written_on_a_caf_letter(client, join_page, wednesdays):
    for written in ("1 200", "1200,00", " 1200 € "):
        _response, page = quote(client, join_page, quotient=written, activite="mercredis")
        assert "<strong>12 € la journée</strong>" in page, written


@pytest.mark.parametrize(
    "quotient, message",
    [
        ("abc", "Écrivez votre quotient familial en chiffres, sans lettres : par exemple 650."),
        ("6S0", "Écrivez votre quotient familial en chiffres, sans lettres : par exemple 650."),
        ("-200", "Un quotient familial ne peut pas être négatif : par exemple 650."),
        ("99999999999999999999", "semble trop élevé pour un quotient familial"),
        ("", "Ce champ est obligatoire."),
    ],
)
def test_a_bad_quotient_is_refused_at_the_field_never_a_500(
    client, join_page, wednesdays, quotient, message
):
    response, page = quote(client, join_page, quotient=quotient, activite="mercredis")

    assert message in page.replace("&#x27;", "'")
    field = page.split('id="id_quotient_error"')[1]
    assert message in field.replace("&#x27;", "'")
    assert 'aria-invalid="true"' in page.split('name="quotient"')[1].split(">")[0] or (
        'aria-invalid="true"' in page.split('name="quotient"')[0].rsplit("<input", 1)[1]
    )
    assert 'id="resultat"' not in page


def test_an_unknown_activity_is_refused_at_its_field(client, join_page, wednesdays):
    _response, page = quote(client, join_page, quotient="650", activite="n-existe-pas")

    assert "Cette activité n'existe pas ou plus : choisissez-en une dans la liste." in page.replace(
        "&#x27;", "'"
    )


def test_a_free_or_fixed_price_activity_is_priced_too(client, join_page, houses):
    make_activity(houses[0], title="Café des parents", slug="cafe", price_kind="gratuit")
    make_activity(houses[0], title="Sortie", slug="sortie", price_kind="fixe", price=Decimal("4.5"))

    assert (
        "<strong>gratuit</strong>" in quote(client, join_page, quotient="650", activite="cafe")[1]
    )
    assert (
        "<strong>4,50 €</strong>" in quote(client, join_page, quotient="650", activite="sortie")[1]
    )


def test_without_a_current_season_the_page_still_answers(client, join_page, houses):
    old = current_season()
    old.starts_on, old.ends_on = datetime.date(2000, 9, 1), datetime.date(2001, 8, 31)
    old.save()
    make_terms(houses[0], season=old)

    response = client.get(join_page, {"quotient": "650"})

    assert response.status_code == 200
    page = text(response).replace("&#x27;", "'")
    assert "Aucune maison n'a encore publié de grille pour cette saison" in page
    assert "Saison " not in page.split("<h1>")[1].split("</h1>")[0]
    assert House.objects.count() == 4
