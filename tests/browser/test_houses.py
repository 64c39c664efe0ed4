"""A resident on a phone, keyboard only: find an activity, then write to its house."""

import pytest

from houses.models import ContactMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, test_js, limit=120):
    """Press Tab until the focused element passes `test_js` (a JS function of the element)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({test_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached: {test_js}")


def test_filter_activities_open_one_and_write_to_the_house(live_server, demo, new_page):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + "/activites/")

    tab_to(page, "el => el.id === 'id_maison'")
    page.keyboard.type("Les Ors")
    tab_to(page, "el => el.id === 'id_age'")
    page.keyboard.type("5")
    tab_to(page, "el => el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/activites/?maison=les-ors*age=5*")

    titles = page.locator(".card__title").all_inner_texts()
    assert "Accueil de loisirs du mercredi" in titles
    assert "Atelier numérique" not in titles  # for 60 and over
    assert "Club jeunes" not in titles  # another house
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    tab_to(page, "el => el.textContent.trim() === 'Accueil de loisirs du mercredi'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/activites/accueil-de-loisirs-mercredi/")
    assert page.locator("h1").inner_text() == "Accueil de loisirs du mercredi"

    tab_to(page, "el => el.textContent.trim() === 'Contacter Les Ors'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/maisons/les-ors/#contact")
    assert page.locator("#contact h2").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    tab_to(page, "el => el.id === 'id_name'")
    page.keyboard.type("Camille")
    tab_to(page, "el => el.id === 'id_email'")
    page.keyboard.type("camille@example.net")
    tab_to(page, "el => el.id === 'id_subject'")
    page.keyboard.type("Accueil du mercredi")
    tab_to(page, "el => el.id === 'id_message'")
    page.keyboard.type("Reste-t-il une place pour ma fille de 5 ans ?")
    tab_to(page, "el => el.type === 'submit' && el.closest('#contact')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/maisons/les-ors/contact/?envoye=1#contact")

    assert page.get_by_text("Merci, votre message est bien enregistré.").is_visible()
    message = ContactMessage.objects.get()
    assert message.house.slug == "les-ors" and message.subject == "Accueil du mercredi"


def test_house_pages_fit_a_320px_screen(live_server, demo, new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    for url in [
        "/maisons/",
        "/maisons/les-ors/",
        "/activites/",
        "/activites/accueil-de-loisirs-mercredi/",
        "/agenda/",
        "/agenda/agora-place-jacquemart/",
        "/le-socle-commun/",
    ]:
        page.goto(live_server.url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url


def test_honeypot_is_out_of_sight_and_out_of_the_tab_order(live_server, demo, new_page):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + "/maisons/les-ors/contact/")

    assert not page.locator("#id_website").is_visible() or (
        page.locator("#id_website").bounding_box()["x"] < 0
    )
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") != "id_website"
