"""A resident on a 375 px phone, keyboard only, follows a house by e-mail, confirms from the
e-mail, gets the weekly letter and leaves from its link; axe finds nothing on each page."""

import re

import pytest
from django.core import mail

from houses.models import House
from subscriptions.models import Subscription
from subscriptions.services import digests_send
from tests.houses.factories import make_event

from .test_houses import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def path_of(body, kind):
    return re.search(rf"https?://[^/\s]+(/suivre/{kind}/[^\s]+/)", body).group(1)


def no_violation(page, axe):
    results = axe.run(page)
    assert not results.violations_count, results.response["violations"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_follow_a_house_confirm_from_the_e_mail_then_leave(live_server, demo, new_page, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + "/maisons/les-ors/")

    tab_to(page, "el => el.id === 'suivre-email'")
    page.keyboard.type("camille@example.net")
    page.locator(".subscribe-box").screenshot(path=tmp_path / "maison.png")
    tab_to(page, "el => el.type === 'submit' && el.closest('.subscribe-box')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suivre/?envoye=1")
    assert page.get_by_text("Presque fini").is_visible()
    no_violation(page, axe)
    assert not Subscription.objects.active().exists()

    (confirmation,) = mail.outbox
    page.goto(live_server.url + path_of(confirmation.body, "confirmer"))
    assert page.locator("h1").inner_text() == "C'est confirmé, merci !"
    assert "Maison de quartier des Ors" in page.locator("main").inner_text()
    no_violation(page, axe)

    ors = House.objects.get(slug="les-ors")
    make_event(ors, title="Soirée jeux de société")
    mail.outbox.clear()
    digests_send()
    (letter,) = mail.outbox
    assert "Soirée jeux de société (nouveau)" in letter.body
    page.goto(live_server.url + path_of(letter.body, "desabonnement"))
    assert "Vous ne recevrez plus aucun e-mail" in page.locator("main").inner_text()
    no_violation(page, axe)
    page.screenshot(path=tmp_path / "desabonne.png", full_page=True)
    assert not Subscription.objects.active().exists()

    tab_to(page, "el => el.textContent.trim() === 'Je me suis trompé·e : me réabonner'")
    # The form's answer is a new page: wait for it, not for the page already loaded.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Vous êtes de nouveau abonné·e"
    no_violation(page, axe)
    assert Subscription.objects.active().count() == 1


def test_the_form_page_and_its_errors_pass_axe_at_375_px(live_server, demo, new_page, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + "/suivre/?maison=les-ors")
    no_violation(page, axe)

    tab_to(page, "el => el.id === 'id_email'")
    page.keyboard.type("camille@")
    tab_to(page, "el => el.type === 'submit' && el.closest('.subscribe-form')")
    # The form's answer is a new page: wait for it, not for the page already loaded.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Cet e-mail n'est pas complet" in page.locator("#id_email_error").inner_text()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    no_violation(page, axe)
    page.locator("main").screenshot(path=tmp_path / "erreur.png")
