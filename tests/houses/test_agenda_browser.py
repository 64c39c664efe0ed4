"""The week and the subscription block in a real browser, on a 375 px phone."""

import datetime

import pytest
from django.utils import timezone

from houses.agenda import monday_of

from .factories import make_activity, make_event, make_house

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 800}}


@pytest.fixture
def event(houses_pages):
    house = make_house(name="Maison des Ors", short_name="Les Ors")
    make_activity(house, title="Aide aux devoirs", weekday=timezone.localdate().weekday())
    return make_event(house, title="Café numérique")


def test_the_keyboard_reaches_copy_and_hears_that_it_is_done(live_server, new_page, event):
    page = new_page(**PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/agenda/{event.slug}/")
    block = page.locator(".ical-links")
    address = block.locator("code").inner_text()
    assert address == f"http://example.com/agenda/{event.slug}.ics"
    assert block.get_by_role("link", name="S'abonner dans mon agenda").get_attribute(
        "href"
    ) == address.replace("http://", "webcal://")

    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Copier l'adresse":
            break
    assert page.evaluate("document.activeElement.textContent") == "Copier l'adresse"
    page.keyboard.press("Enter")

    status = block.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    # A function, not a bare expression: Playwright polls an expression with eval(),
    # which the page's Content-Security-Policy rightly forbids.
    page.wait_for_function("() => document.querySelector('.ical-links__status').textContent !== ''")
    assert status.inner_text() == "Adresse copiée"
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_without_javascript_the_address_shows_and_no_dead_button(live_server, new_page, event):
    page = new_page(java_script_enabled=False, **PHONE)
    page.goto(f"{live_server.url}/agenda/{event.slug}/")

    block = page.locator(".ical-links")
    assert block.locator("code").is_visible()
    assert block.get_by_role("button").count() == 0
    assert block.get_by_role("link", name="Télécharger (.ics)").is_visible()


def test_the_week_fits_a_phone_and_lists_today(live_server, new_page, event):
    page = new_page(**PHONE)
    page.goto(f"{live_server.url}/agenda/semaine/")

    assert page.locator("h1").inner_text() == "Cette semaine"
    assert page.locator(".week__day").count() == 7
    today = page.locator(".week__day--today")
    assert "Aide aux devoirs" in today.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_role("link", name="Semaine suivante").click()
    next_monday = monday_of(timezone.localdate()) + datetime.timedelta(days=7)
    assert page.locator(".week__day time").first.get_attribute("datetime") == str(next_monday)
