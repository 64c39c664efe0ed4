"""A resident on a 375 px phone asks for a place in an activity with the keyboard alone,
sees at once that it is confirmed, gets the e-mail and cancels from its link; axe finds
nothing on each page, and the page is never wider than the phone."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail

from registrations.models import Registration

from .test_houses import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 375


def shots(tmp_path):
    folder = Path(os.environ.get("COOP_SCREENSHOTS_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def no_violation(page, axe):
    results = axe.run(page)
    assert not results.violations_count, results.response["violations"]
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def test_ask_for_a_place_by_keyboard_then_cancel_from_the_e_mail(
    live_server, demo, new_page, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    folder = shots(tmp_path)
    page = new_page(viewport={"width": WIDTH, "height": 740})
    page.goto(live_server.url + "/activites/atelier-numerique-seniors/")
    assert "Encore 8 places" in page.locator("#demande").inner_text()
    no_violation(page, axe)

    tab_to(page, "el => el.id === 'id_name'")
    page.keyboard.type("Camille Martin")
    tab_to(page, "el => el.id === 'id_email'")
    page.keyboard.type("camille@example.net")
    tab_to(page, "el => el.id === 'id_people'")
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    page.locator("#demande").screenshot(path=folder / "demande-formulaire.png")
    tab_to(page, "el => el.type === 'submit' && el.closest('#demande')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/inscriptions/*/")

    assert page.locator("h1").inner_text() == "Votre place est confirmée."
    assert "2 personnes" in page.locator("main").inner_text()
    no_violation(page, axe)
    page.screenshot(path=folder / "demande-confirmee.png", full_page=True)
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED

    to_person = next(m for m in mail.outbox if m.to == ["camille@example.net"])
    link = re.search(r"https?://[^/\s]+(/inscriptions/[^\s]+/)", to_person.body).group(1)

    page.goto(live_server.url + "/activites/atelier-numerique-seniors/")
    assert "Encore 6 places" in page.locator("#demande").inner_text()  # not the cached page

    page.goto(live_server.url + link)
    tab_to(page, "el => el.textContent.trim() === 'Annuler ma demande'")
    page.keyboard.press("Enter")
    page.wait_for_url("**?annulee=1")
    assert page.locator("h1").inner_text() == "Votre demande est annulée."
    no_violation(page, axe)
    page.screenshot(path=folder / "demande-annulee.png", full_page=True)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_the_form_s_errors_pass_axe_at_375_px(live_server, demo, new_page, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(viewport={"width": WIDTH, "height": 740})
    page.goto(live_server.url + "/agenda/spectacle-enfants/")

    tab_to(page, "el => el.id === 'id_name'")
    page.keyboard.type("Ali")
    tab_to(page, "el => el.id === 'id_phone'")
    page.keyboard.type("12")
    tab_to(page, "el => el.id === 'id_people'")
    page.keyboard.press("Control+A")
    page.keyboard.type("50")
    tab_to(page, "el => el.type === 'submit' && el.closest('#demande')")
    # The form's answer is a new page: wait for it, not for the page already loaded.
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "n'est pas valable" in page.locator("#id_phone_error").inner_text()
    assert "entre 1 et 10 personnes" in page.locator("#id_people_error").inner_text()
    assert page.locator("#id_people").get_attribute("aria-invalid") == "true"
    # The robots' trap stays off the screen (houses.css), on this page of its own too.
    assert page.locator("#id_website").bounding_box()["x"] < 0
    no_violation(page, axe)
    page.locator("main").screenshot(path=shots(tmp_path) / "demande-erreurs.png")
    assert not Registration.objects.exists()
