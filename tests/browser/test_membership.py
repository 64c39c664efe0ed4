"""A resident on a phone finds what the Wednesday activity will cost with their quotient familial."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 360


def test_a_resident_on_a_phone_prices_the_wednesday_activity(live_server, demo, new_page):
    page = new_page(viewport={"width": WIDTH, "height": 740})
    page.goto(live_server.url + "/maisons/les-ors/")

    # The house page leads to the calculator.
    page.get_by_role("link", name="Calculer votre prix selon votre quotient familial").click()
    page.wait_for_url("**/adherer/#calculateur")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH

    page.get_by_label("Votre quotient familial (en euros)").fill("six cent")
    page.get_by_label("Une activité (facultatif)").select_option(
        label="Accueil de loisirs du mercredi (Les Ors)"
    )
    page.get_by_role("button", name="Calculer mon prix").click()
    error = page.locator("#id_quotient_error")
    assert "en chiffres, sans lettres" in error.inner_text()
    assert (
        page.get_by_label("Votre quotient familial (en euros)").get_attribute("aria-invalid")
        == "true"
    )

    page.get_by_label("Votre quotient familial (en euros)").fill("650")
    page.get_by_role("button", name="Calculer mon prix").click()
    page.wait_for_url("**/adherer/?quotient=650&activite=accueil-de-loisirs-mercredi#resultat")

    result = page.locator("#resultat")
    assert result.is_visible()
    text = result.inner_text().replace("\u00a0", " ")
    assert "6 € la journée" in text
    assert "de 501 à 900 €" in result.locator(".fee-grid__yours").inner_text().replace(
        "\u00a0", " "
    )
    assert "Exemple — tarifs à confirmer auprès de la maison" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH

    # The comparison table scrolls inside its own region, not the page.
    region = page.get_by_role(
        "region", name="Tableau des maisons côte à côte (il défile sur un petit écran)"
    )
    assert region.is_visible()
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # its own scroll
    region.focus()  # reachable with the keyboard, to scroll it with the arrows
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
