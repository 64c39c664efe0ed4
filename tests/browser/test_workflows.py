"""Publishing workflows of issues 6 and 9, each driven end to end in Chromium.

1. An editor creates a page with the wizard, adds a text and a gallery,
   previews (visitors keep the published version), then publishes.
3. An editor publishes a news item: it reaches the home page and the feed.
4. Two editors open the same page: the second cannot overwrite the first's draft.
9. An editor publishes a news item with photos and a document, every action
   counted; a visitor reads it on a phone.

django CMS's edit mode opens forms in a modal holding an iframe; its action
buttons are copied into the modal's footer, outside the iframe.
"""

import re

import feedparser
import pytest
from django.contrib.auth.models import Group
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from news.models import NewsItem
from tests.galleries.factories import make_folder, make_image
from tests.news.factories import home_page, make_house, news_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture
def site(db, reload_urls):
    home_page()
    news_page()
    reload_urls()


@pytest.fixture
def make_editor(django_user_model):
    # A transactional test flushes the database: `migrate`'s post_migrate
    # handler, which the flush sends too, makes the groups again
    # (coop_site.roles.sync_roles_after_migrate), media library included.
    def make(username):
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, is_staff=True, first_name=username.title()
        )
        user.groups.add(Group.objects.get(name="Éditeur·rice"))
        return user

    return make


def log_in(page, base_url, username, next_url="/"):
    page.goto(f"{base_url}/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_load_state()


def modal_frame(page):
    return page.frame_locator(".cms-modal-frame iframe")


def modal_button(page, label):
    return page.locator(".cms-modal-buttons").get_by_text(label, exact=True)


def create_page_with_wizard(page, title):
    """« Créer » › « Nouvelle page » › its title: the new page opens in edit mode."""
    page.locator(".cms-toolbar").get_by_text("Créer", exact=True).click()
    modal_frame(page).get_by_text("Nouvelle page", exact=True).click()
    modal_button(page, "Suivant").click()
    modal_frame(page).locator("#id_1-title").fill(title)
    modal_button(page, "Créer").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))


def open_structure(page):
    page.locator("a[data-cms-structure-btn]").first.click()
    page.locator(".cms-structure-content").wait_for()


def add_plugin(page, slot_name, plugin_label):
    """Open the add form of a plugin in the placeholder titled `slot_name`."""
    dragbar = page.locator(".cms-dragbar").filter(
        has=page.locator(f".cms-dragbar-title[title='{slot_name}']")
    )
    dragbar.locator(".cms-submenu-add").click()
    # With many blocks, the picker also lists the ones used lately, first.
    picker = page.locator(".cms-plugin-picker:visible")
    picker.get_by_text(plugin_label, exact=True).first.click()
    frame = modal_frame(page)
    frame.locator("form").wait_for()
    return frame


def toolbar_go(page, label, url):
    """Click the toolbar's `label` and wait to reach `url`, once the CMS has settled:
    after a block is saved it refreshes the page, which would swallow a click made meanwhile."""
    page.wait_for_load_state("networkidle")
    page.locator(".cms-toolbar").get_by_text(label, exact=True).click()
    page.wait_for_url(url)


def save_modal(page):
    modal_button(page, "Enregistrer").click()
    page.locator(".cms-modal").wait_for(state="hidden")


def type_rich_text(frame, text):
    editor = frame.locator("[contenteditable=true]").first
    editor.click()
    editor.type(text)


# --- Workflow 3: a news item, from draft to the home page and the feed -------------


def test_editor_publishes_a_news_item_seen_on_home_and_in_the_feed(
    live_server, site, make_editor, new_page
):
    make_editor("alice")
    make_house("les-ors", "Les Ors")
    base = live_server.url
    editor = new_page()
    visitor = new_page()

    log_in(editor, base, "alice", "/admin/news/newsitem/add/")
    editor.locator("#id_title").press_sequentially("Repair café aux Ors")
    assert editor.locator("#id_slug").input_value() == "repair-cafe-aux-ors"  # filled as you type
    editor.locator("#id_teaser").fill("On répare ensemble grille-pain et vélos, samedi matin.")
    editor.locator("#id_houses_from option", has_text="Les Ors").dblclick()
    assert editor.locator("#id_status").input_value() == "draft"
    editor.locator("[name=_continue]").click()
    assert "a été ajouté" in editor.locator(".messagelist").inner_text()

    # The draft: the editor previews it at its address; visitors see nothing.
    item = NewsItem.objects.get(slug="repair-cafe-aux-ors")
    editor.goto(base + item.get_absolute_url())
    assert editor.locator("h1").inner_text() == "Repair café aux Ors"
    assert "le public ne la voit pas" in editor.locator("main").inner_text()
    assert visitor.goto(base + item.get_absolute_url()).status == 404
    visitor.goto(base + "/")
    assert "Repair café" not in visitor.locator("main").inner_text()

    # Published.
    editor.goto(base + f"/admin/news/newsitem/{item.pk}/change/")
    editor.locator("#id_status").select_option("published")
    editor.locator("[name=_save]").click()
    assert "a été modifié" in editor.locator(".messagelist").inner_text()

    # A new visit (the browser keeps a page for a minute, as the CMS allows).
    visitor = new_page()
    visitor.goto(base + "/")
    news = visitor.locator("section", has=visitor.locator("#home-news"))
    news.get_by_role("link", name="Repair café aux Ors").click()
    visitor.wait_for_url("**/actualites/repair-cafe-aux-ors/")
    assert visitor.locator("h1").inner_text() == "Repair café aux Ors"
    assert "le public ne la voit pas" not in visitor.locator("main").inner_text()

    feed = feedparser.parse(visitor.request.get(base + "/actualites/flux/rss/").body())
    assert feed.entries[0].title == "Repair café aux Ors"
    assert feed.entries[0].summary == "On répare ensemble grille-pain et vélos, samedi matin."


# --- Workflow 4: version locking ----------------------------------------------------


@pytest.fixture
def shared_page(site, admin_user):
    from coop_site.demo import ensure_page, text

    ensure_page(
        reverse_id="ateliers",
        title="Nos ateliers",
        slug="nos-ateliers",
        plugins=[("content", *text("<p>Version publiée.</p>"))],
    )
    return "/nos-ateliers/"


def test_second_editor_cannot_overwrite_the_first_editor_s_draft(
    live_server, shared_page, make_editor, new_page
):
    alice, bruno = make_editor("alice"), make_editor("bruno")
    base = live_server.url
    first = new_page()
    second = new_page()

    # Alice starts a new draft and writes in it.
    log_in(first, base, "alice", shared_page)
    toolbar_go(first, "Nouveau Brouillon", re.compile(r".*/edit/\d+/.*"))
    open_structure(first)
    frame = add_plugin(first, "Contenu principal", "Texte")
    type_rich_text(frame, "Texte d'Alice.")
    save_modal(first)

    draft = Version.objects.get(state=DRAFT, created_by=alice)
    assert draft.locked_by == alice
    edit_url = first.url

    # Bruno opens the same page: no way to edit, and unlocking is not his to do...
    log_in(second, base, "bruno", shared_page)
    toolbar = second.locator(".cms-toolbar")
    assert toolbar.get_by_text("Déverrouiller", exact=True).is_visible()
    for label in ("Modifier", "Nouveau Brouillon", "Publier"):
        assert toolbar.get_by_text(label, exact=True).count() == 0, label
    unlock = toolbar.locator("a", has_text="Déverrouiller")
    assert "cms-btn-disabled" in unlock.get_attribute("class")

    # ...the draft's edit address only gives him a preview...
    second.goto(edit_url)
    assert "/preview/" in second.url
    assert "Verrouillée par alice" in second.locator(".cms-toolbar").inner_text()
    assert second.locator(".cms-structure-content .cms-submenu-add").count() == 0

    # ...and the CMS refuses his changes outright.
    placeholder = draft.content.get_placeholders().get(slot="content")
    refused = second.request.get(
        base
        + "/admin/cms/placeholder/add-plugin/?"
        + f"placeholder_id={placeholder.pk}&plugin_type=TextPlugin&plugin_language=fr&plugin_position=9"
    )
    assert refused.status == 403

    # Alice's draft is intact, and still the only draft; visitors keep the published page.
    texts = [plugin.get_bound_plugin().body for plugin in placeholder.get_plugins()]
    assert any("Texte d'Alice." in body for body in texts)
    versions = Version.objects.filter_by_grouper(draft.content.page)
    assert sorted(versions.values_list("state", flat=True)) == [DRAFT, PUBLISHED]
    assert not versions.filter(created_by=bruno).exists()
    visitor = new_page()
    visitor.goto(base + shared_page)
    assert "Version publiée." in visitor.locator("main").inner_text()
    assert "Texte d'Alice." not in visitor.locator("main").inner_text()


# --- Workflow 1: a new page with a text and a gallery, previewed, then published ----


@pytest.fixture
def party_photos(db):
    folder = make_folder("Fête de quartier")
    for n in range(1, 4):
        make_image(f"fete-{n}.jpg", folder=folder, alt=f"Photo {n} de la fête")
    return folder


def choose_folder(page, frame, folder_name):
    """Pick a media-library folder through filer's lookup window."""
    with page.expect_popup() as popup_info:
        frame.locator(".related-lookup").first.click()
    popup = popup_info.value
    popup.wait_for_load_state()
    with popup.expect_event("close"):
        popup.locator("tr", has_text=folder_name).locator(".js-dismiss-folder").click()


def test_editor_creates_previews_and_publishes_a_page_with_a_gallery(
    live_server, site, make_editor, party_photos, new_page
):
    make_editor("alice")
    base = live_server.url
    editor = new_page(viewport={"width": 1280, "height": 900})

    # A new page with the "Créer" wizard; it opens in edit mode.
    log_in(editor, base, "alice", "/")
    create_page_with_wizard(editor, "Fête de quartier")

    # A first text, published.
    open_structure(editor)
    type_rich_text(add_plugin(editor, "Contenu principal", "Texte"), "Première version.")
    save_modal(editor)
    toolbar_go(editor, "Publier", re.compile(r".*/fete-de-quartier/.*"))
    visitor = new_page()
    visitor.goto(base + "/fete-de-quartier/")
    assert "Première version." in visitor.locator("main").inner_text()

    # A new draft with a text and a gallery.
    toolbar_go(editor, "Nouveau Brouillon", re.compile(r".*/edit/\d+/.*"))
    open_structure(editor)
    type_rich_text(add_plugin(editor, "Contenu principal", "Texte"), "Rendez-vous sur la place.")
    save_modal(editor)
    frame = add_plugin(editor, "Contenu principal", "Galerie photo")
    frame.locator("#id_title").fill("Photos de la fête")
    choose_folder(editor, frame, "Fête de quartier")
    save_modal(editor)

    # Preview: the editor sees the gallery, visitors still get the published page.
    toolbar_go(editor, "Pré-visualisation", re.compile(r".*/preview/\d+/.*"))
    assert editor.locator("img[alt='Photo 2 de la fête']").count() == 1
    assert "Rendez-vous sur la place." in editor.locator("main").inner_text()
    visitor = new_page()
    visitor.goto(base + "/fete-de-quartier/")
    assert "Première version." in visitor.locator("main").inner_text()
    assert "Rendez-vous" not in visitor.locator("main").inner_text()
    assert visitor.locator("main img").count() == 0

    # Published (from edit mode): visitors get the new version.
    editor.locator(".cms-toolbar .cms-versioning-js-edit-btn").click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    toolbar_go(editor, "Publier", re.compile(r".*/fete-de-quartier/.*"))
    visitor = new_page()
    visitor.goto(base + "/fete-de-quartier/")
    main = visitor.locator("main")
    assert "Rendez-vous sur la place." in main.inner_text()
    assert [img.get_attribute("alt") for img in main.locator("img").all()] == [
        f"Photo {n} de la fête" for n in range(1, 4)
    ]


# --- Done when: a news item with a gallery and a document, in 15 actions ----------


class Actions:
    """The editor's actions, counted: each click, fill, file choice or key press is one."""

    def __init__(self):
        self.done = []

    def _count(self, what, locator):
        self.done.append(f"{what} {locator}")

    def click(self, locator, **kwargs):
        self._count("clic", locator)
        locator.click(**kwargs)

    def dblclick(self, locator):
        # A double click is one gesture; the CMS's wizard list takes it as "choose and go on".
        self._count("double-clic", locator)
        locator.dblclick()

    def fill(self, locator, text):
        self._count("saisie", locator)
        locator.fill(text)

    def choose_files(self, locator, files):
        self._count("choix de fichiers", locator)
        locator.set_input_files(files)

    def press(self, locator, key):
        self._count(f"touche {key}", locator)
        locator.press(key)

    def __len__(self):
        return len(self.done)


def photo_file(path, colour, fmt):
    from PIL import Image

    Image.new("RGB", (640, 480), colour).save(path, fmt)
    return str(path)


def test_editor_publishes_a_news_item_with_photos_and_a_document_in_15_actions_read_on_a_phone(
    live_server, site, make_editor, new_page, tmp_path
):
    """From the site, logged in, to a published news item: 15 actions at most.

    The count starts once the editor is on the site: logging in (through the
    real login form, just before) is not part of publishing. Every later
    click, fill, file choice and key press is counted, the alt text of each
    photo included; nothing is prepared in the database for the counted part.
    """
    from tests.documents.factories import pdf_bytes

    make_editor("alice")
    photos = [
        photo_file(tmp_path / "fete-1.jpg", "teal", "JPEG"),
        photo_file(tmp_path / "fete-2.png", "orange", "PNG"),
        photo_file(tmp_path / "fete-3.jpg", "purple", "JPEG"),
    ]
    programme = tmp_path / "programme-de-la-fete.pdf"
    programme.write_bytes(pdf_bytes(pages=2))
    base = live_server.url
    editor = new_page(viewport={"width": 1280, "height": 900})

    # Logged in through the login form, before the count starts.
    log_in(editor, base, "alice", "/")
    editor.wait_for_url(base + "/")
    assert editor.locator(".cms-toolbar").get_by_text("Créer", exact=True).is_visible()
    act = Actions()

    # "Créer" > "Nouvelle actualité", with the programme to download (6 actions).
    act.click(editor.locator(".cms-toolbar").get_by_text("Créer", exact=True))
    act.dblclick(modal_frame(editor).get_by_text("Nouvelle actualité", exact=True))
    wizard = modal_frame(editor)
    act.fill(wizard.locator("#id_1-title"), "La fête de quartier en images")
    act.fill(wizard.locator("#id_1-teaser"), "Les photos de la fête et son programme.")
    act.choose_files(wizard.get_by_label("Document à télécharger"), str(programme))
    act.click(modal_button(editor, "Créer"))
    # The new item opens where blocks are added.
    editor.wait_for_url(re.compile(r".*/structure/\d+/.*"))
    editor.locator(".cms-structure-content").wait_for()
    item = NewsItem.objects.get(title="La fête de quartier en images")
    assert item.status == NewsItem.Status.DRAFT

    # A gallery block with three photos sent at once, each described (7 actions).
    act.click(
        editor.locator(".cms-dragbar")
        .filter(has=editor.locator(".cms-dragbar-title[title='Contenu principal']"))
        .locator(".cms-submenu-add")
    )
    act.click(editor.locator(".cms-plugin-picker:visible").get_by_text("Galerie photo", exact=True))
    gallery = modal_frame(editor)
    gallery.locator("form").wait_for()
    act.choose_files(gallery.get_by_label("Ajouter des photos"), photos)
    # Each photo needs its alt text before the public sees it: one field per photo,
    # labelled with its file name, right under the button.
    for n in range(1, 4):
        act.fill(gallery.get_by_label(re.compile(rf"fete-{n}\.")), f"Photo {n} de la fête")
    act.click(modal_button(editor, "Enregistrer"))
    editor.locator(".cms-modal").wait_for(state="hidden")

    # Published from the toolbar (1 action).
    act.click(editor.locator(".cms-toolbar").get_by_text("Publier", exact=True))
    editor.wait_for_url("**" + item.get_absolute_url())
    assert "est publiée" in editor.locator(".cms-messages").inner_text()
    assert NewsItem.objects.get(pk=item.pk).status == NewsItem.Status.PUBLISHED

    assert len(act) <= 15, "\n".join(act.done)
    assert len(act) == 14, "\n".join(act.done)  # 11 steps and one alt text per photo

    # A visitor on a phone finds it in the list, sees the photos and gets the programme.
    phone = new_page(viewport={"width": 375, "height": 740})
    phone.goto(base + "/actualites/")
    phone.get_by_role("link", name="La fête de quartier en images").click()
    phone.wait_for_url("**" + item.get_absolute_url())
    main = phone.locator("main")
    assert "le public ne la voit pas" not in main.inner_text()
    assert [img.get_attribute("alt") for img in main.locator("img[alt^='Photo ']").all()] == [
        f"Photo {n} de la fête" for n in range(1, 4)
    ]
    link = main.get_by_role("link", name=re.compile("Programme de la fete"))
    with phone.expect_download() as download_info:
        link.click()
    assert open(download_info.value.path(), "rb").read().startswith(b"%PDF-")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
