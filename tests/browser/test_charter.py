"""The charter's dashboard in a real browser: keyboard, disclosure, print."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_is_usable_with_the_keyboard(live_server, demo, new_page):
    page = new_page()
    page.goto(live_server.url + "/charte-ecostructure/avancement/")
    assert page.locator("h1").inner_text() == "Avancement de la charte écostructure"
    assert (
        page.locator("#part-tenue").inner_text() == "Engagements tenus en 2025, maison par maison"
    )

    # Tab through the page until the year list has the focus.
    year = page.locator("#annee")
    for _ in range(40):
        page.keyboard.press("Tab")
        if year.evaluate("el => el === document.activeElement"):
            break
    assert year.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")  # years run from the latest down
    assert year.input_value() == "2024"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Afficher"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"annee=2024"))
    assert (
        page.locator("#part-tenue").inner_text() == "Engagements tenus en 2024, maison par maison"
    )

    # The matrix scrolls with the keyboard, and each disclosure opens with Enter.
    page.locator(".progress-matrix__scroll").focus()
    page.keyboard.press("Tab")
    summary = page.locator("details.done summary").first
    assert summary.evaluate("el => el === document.activeElement")
    details = page.locator("details.done").first
    assert details.get_attribute("open") is None
    done_text = details.locator("dd").first
    assert not done_text.is_visible()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") == ""
    assert done_text.is_visible()


def test_theme_filter_works_without_javascript(live_server, demo, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + "/charte-ecostructure/")
    assert page.locator(".commitment").count() == 21

    page.get_by_role("link", name="Mobilité").first.click()

    page.wait_for_url(re.compile(r"theme=mobilite"))
    assert page.locator(".commitment").count() == 2
    assert "2 engagements pour le thème « Mobilité »" in page.locator("[role=status]").inner_text()


def test_print_hides_the_navigation_and_the_filters(live_server, demo, new_page):
    page = new_page()
    page.goto(live_server.url + "/charte-ecostructure/")
    assert page.locator(".site-nav").is_visible()
    assert page.locator(".theme-filter").is_visible()

    page.emulate_media(media="print")

    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".theme-filter").is_visible()
    assert page.locator("h1").is_visible()
    second_section = page.locator(".charter-section").nth(1)
    assert second_section.evaluate("el => getComputedStyle(el).breakBefore") == "page"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("path", ["/charte-ecostructure/", "/charte-ecostructure/avancement/"])
def test_charter_pages_fit_a_320px_screen(live_server, demo, new_page, path):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(live_server.url + path)

    # The matrix scrolls inside its own frame; the page itself never does sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
