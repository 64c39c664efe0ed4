"""A resident on a phone, keyboard only: two words in the header box, then the right result."""

import pytest

from tests.browser.test_houses import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_words_in_the_header_box_open_the_right_activity(live_server, demo, new_page):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + "/")

    tab_to(page, "el => el.id === 'site-search-q'")
    page.keyboard.type("accompagnement scolarite")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/?q=accompagnement+scolarite")

    assert page.locator("h2", has_text="Activités").is_visible()
    assert page.locator(".search-result__title mark").first.inner_text() == "Accompagnement"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    tab_to(page, "el => el.textContent.trim() === 'Accompagnement à la scolarité'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/activites/**")
    assert page.locator("h1").inner_text() == "Accompagnement à la scolarité"
