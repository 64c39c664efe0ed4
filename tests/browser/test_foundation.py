"""The foundation in a real browser: Debian's Chromium through Playwright."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_loads_with_its_title(live_server, demo, new_page):
    page = new_page()
    page.goto(live_server.url + "/")

    assert page.locator("h1").inner_text().startswith("La Coopération des Maisons")
    assert "Maisons de Quartier de Romans" in page.title()


def test_skip_link_moves_focus_to_main(live_server, demo, new_page):
    page = new_page()
    page.goto(live_server.url + "/la-cooperation/")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "contenu"


def test_navigation_works_on_a_phone_with_the_keyboard(live_server, demo, new_page):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    link = page.get_by_role("link", name="La Coopération", exact=True)

    assert toggle.is_visible()
    assert not link.is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert link.is_visible()

    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/la-cooperation/")
    assert page.locator("h1").inner_text() == "La Coopération"
    # Nothing overflows the narrow screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_home_fits_a_320px_screen(live_server, demo, new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(live_server.url + "/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
