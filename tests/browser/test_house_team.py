"""A house's team, in a real browser: its own hours and closures, a shared activity."""

import datetime

import pytest
from django.utils import timezone

from houses.models import Activity, House
from houses.services import house_staff_group_ensure
from tests.houses.conftest import create_houses_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def team_member(django_user_model, reload_urls):
    create_houses_pages()
    reload_urls()
    ors = House.objects.create(
        name="Maison de quartier des Ors",
        short_name="Les Ors",
        slug="les-ors",
        kind=House.Kind.SOCIAL_CENTRE,
    )
    noel = House.objects.create(
        name="Maison Citoyenne Noël Guichard",
        short_name="Noël Guichard",
        slug="noel-guichard",
        kind=House.Kind.SOCIAL_CENTRE,
    )
    for house in (ors, noel):
        house_staff_group_ensure(house=house)
    gym = Activity.objects.create(
        title="Gym douce", slug="gym-douce", category=Activity.Category.ADULTS, weekday=1
    )
    gym.houses.set([ors, noel])
    user = django_user_model.objects.create_user("camille", password="motdepasse", is_staff=True)
    user.groups.add(ors.staff_group)
    return ors, noel, gym


def log_in(page, live_server, next_url="/admin/"):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", "camille")
    page.fill("#id_password", "motdepasse")
    page.get_by_role("button", name="Connexion").click()


def open_my_house(page, live_server, house):
    """From the admin's first screen, as a team member gets there."""
    log_in(page, live_server)
    page.get_by_role("link", name=f"Ma maison : {house.name}").click()
    page.wait_for_url(f"**/admin/houses/house/{house.pk}/change/")


def test_a_team_updates_its_hours_and_a_shared_activity(live_server, new_page, team_member):
    ors, noel, gym = team_member
    closure_start = timezone.localdate() + datetime.timedelta(days=20)
    page = new_page()

    open_my_house(page, live_server, ors)
    assert page.locator("#id_name").count() == 0  # the name is the Coopération's

    page.locator("#opening_hours-group .add-row a").click()
    page.select_option("#id_opening_hours-0-weekday", label="mercredi")
    page.fill("#id_opening_hours-0-opens", "14:00")
    page.fill("#id_opening_hours-0-closes", "18:00")
    page.locator("#closures-group .add-row a").click()
    page.fill("#id_closures-0-starts_on", closure_start.strftime("%d/%m/%Y"))
    page.fill("#id_closures-0-ends_on", closure_start.strftime("%d/%m/%Y"))
    page.fill("#id_closures-0-reason", "Formation de l'équipe")
    # The closures' wide table scrolls in its box: the page itself never scrolls sideways.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/houses/house/")
    assert "a été modifié" in page.locator(".messagelist .success").inner_text()

    page.goto(live_server.url + ors.get_absolute_url())
    hours = page.locator("table.hours")
    assert "14 h – 18 h" in hours.locator("tr", has_text="ercredi").inner_text()
    assert "Formation de l'équipe" in page.locator(".closures").inner_text()

    page.goto(live_server.url + f"/admin/houses/activity/{gym.pk}/change/")
    shared = "Aussi proposée par : Maison Citoyenne Noël Guichard (gérée par son équipe)"
    assert page.get_by_text(shared).is_visible()
    page.fill("#id_summary", "Des étirements en douceur, pour tous.")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/houses/activity/")
    assert "a été modifié" in page.locator(".messagelist .success").inner_text()

    page.goto(live_server.url + gym.get_absolute_url())
    assert page.get_by_text("Des étirements en douceur, pour tous.").is_visible()
    places = page.locator("dd ul.plain").first.inner_text()
    assert "Maison de quartier des Ors" in places
    assert "Maison Citoyenne Noël Guichard" in places


def png_base64():
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 110, 170)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


DROP_FILE = """([selector, name, data]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type: "image/png"}));
    const target = document.querySelector(selector);
    for (const type of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true}));
    }
}"""


def test_a_team_sets_its_house_photo_through_the_media_library_widget(
    live_server, new_page, team_member
):
    ors, _noel, _gym = team_member
    page = new_page()
    open_my_house(page, live_server, ors)

    # The file widget's own uploader: drop a photo on it, as from the desktop.
    page.evaluate(
        DROP_FILE, [".field-photo .js-filer-dropzone", "facade-des-ors.png", png_base64()]
    )
    # A function, not a bare expression: Playwright polls an expression with eval(),
    # which the page's Content-Security-Policy rightly forbids.
    page.wait_for_function("() => document.querySelector('#id_photo').value !== ''")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/houses/house/")
    assert "a été modifié" in page.locator(".messagelist .success").inner_text()

    ors.refresh_from_db()
    assert ors.photo.folder.name == "Maison de quartier des Ors"
    page.goto(live_server.url + ors.get_absolute_url())
    photo = page.locator("figure.figure img")
    assert "facade-des-ors" in photo.get_attribute("src")
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")


def test_a_team_writes_the_first_text_of_its_empty_presentation(live_server, new_page, team_member):
    ors, _noel, _gym = team_member
    page = new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server, next_url=ors.get_absolute_url())
    page.wait_for_url("**" + ors.get_absolute_url())

    # The house's menu in the toolbar opens its page in edit mode, which says how.
    page.locator(".cms-toolbar").get_by_text("Les Ors", exact=True).click()
    page.get_by_text("Écrire la présentation").click()
    page.wait_for_url("**/edit/**")
    hint = page.locator("main .notice", has_text="Présentation vide")
    hint.get_by_role("link", name="ouvrez la structure de la page").click()

    # The structure board: the « + » of « Présentation » lists the blocks a team
    # may add there (a text, a note, a list that opens...), and no layout block.
    page.wait_for_url("**/structure/**")
    page.locator(".cms-structure-content").wait_for()
    page.locator(".cms-dragbar").filter(
        has=page.locator(".cms-dragbar-title[title='Présentation']")
    ).locator(".cms-submenu-add").click()
    picker = page.locator(".cms-plugin-picker:visible")
    assert picker.get_by_text("Encadré (information, attention)", exact=True).count() == 1
    assert picker.get_by_text("Grille de colonnes", exact=True).count() == 0
    picker.get_by_text("Texte", exact=True).first.click()
    frame = page.frame_locator(".cms-modal-frame iframe")
    frame.locator("form").wait_for()
    editor = frame.locator("[contenteditable=true]").first
    editor.click()
    editor.type("Bienvenue aux Ors, une maison ouverte à tous.")
    page.locator(".cms-modal-buttons").get_by_text("Enregistrer", exact=True).click()
    page.locator(".cms-modal").wait_for(state="hidden")
    assert "Bienvenue aux Ors" in page.locator(".cms-structure-content").inner_text()

    visitor = new_page()
    visitor.goto(live_server.url + ors.get_absolute_url())
    main = visitor.locator("main")
    assert "Bienvenue aux Ors, une maison ouverte à tous." in main.inner_text()
    assert "Présentation vide" not in main.inner_text()
