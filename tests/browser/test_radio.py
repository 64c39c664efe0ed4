"""A resident on a phone listens to the last radio episode with the keyboard alone."""

import pytest

from tests.radio.factories import make_episode, radio_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 80


def tab_to(page, test):
    """Press Tab until `test` (a JavaScript function of the focused element) is true."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"({test})(document.activeElement)"):
            return
    raise AssertionError(f"jamais atteint au clavier : {test}")


def test_a_resident_plays_the_last_episode_with_the_keyboard_alone(
    live_server, reload_urls, new_page
):
    radio_page()
    reload_urls()
    make_episode(title="L'émission de la semaine dernière", days_ago=8)
    make_episode(title="L'émission de cette semaine", days_ago=1, transcript="Bonjour à tous !")
    page = new_page(viewport={"width": 360, "height": 740})

    page.goto(live_server.url + "/radio/")
    first = page.locator(".episode-card a").first
    assert first.inner_text() == "L'émission de cette semaine"
    tab_to(page, 'e => e.textContent.trim() === "L\'émission de cette semaine"')
    page.keyboard.press("Enter")
    page.wait_for_url("**/radio/emission-*/")
    assert page.get_by_text("Bonjour à tous !").is_visible()  # the transcript, open

    tab_to(page, "e => e.tagName === 'AUDIO'")
    page.keyboard.press("Space")

    page.wait_for_function("() => !document.querySelector('audio').paused", timeout=10_000)
    assert page.evaluate("document.querySelector('audio').currentSrc").endswith(".mp3")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
