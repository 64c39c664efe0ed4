"""The live length counter of static/js/char-counter.js, in the real admin.

An editor types a news title: the counter under the field follows each key,
a pasted title longer than the limit is kept whole (the browser does not cut
it) and the counter says how much is too much, politely for screen readers.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "motdepasse"


def test_counter_follows_typing_and_shows_what_is_too_long(live_server, admin_user, new_page):
    page = new_page(viewport={"width": 1024, "height": 800})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/news/newsitem/add/")
    page.locator("#id_username").fill(admin_user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url("**/admin/news/newsitem/add/")

    title = page.locator("#id_title")
    counter = page.locator("#id_title_counter")
    live = page.locator("#id_title_counter_live[aria-live=polite]")
    assert counter.inner_text() == "0 / 160 caractères"
    # Under the field, not squeezed beside it.
    assert counter.bounding_box()["y"] >= title.bounding_box()["y"] + title.bounding_box()["height"]

    title.press_sequentially("Fête")
    assert counter.inner_text() == "4 / 160 caractères"
    assert live.inner_text() == ""  # far from the limit: nothing is read out

    title.fill("é" * 150)
    assert live.inner_text() == "Encore 10 caractères possibles"

    title.fill("x" * 163)
    assert title.input_value() == "x" * 163  # kept whole, not cut at 160
    assert counter.inner_text() == "163 / 160 caractères : 3 de trop"
    # Spaces around the text do not count: the server strips them too.
    title.fill("x" * 163 + "  ")
    assert counter.inner_text() == "163 / 160 caractères : 3 de trop"
    assert live.inner_text() == "3 caractères de trop"
