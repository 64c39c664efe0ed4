"""Publishing workflows of issue 6, each driven end to end in Chromium.

1. An editor creates a page with the wizard, adds a text and a gallery,
   previews (visitors keep the published version), then publishes.
3. An editor publishes a news item: it reaches the home page and the feed.
4. Two editors open the same page: the second cannot overwrite the first's draft.

django CMS's edit mode opens forms in a modal holding an iframe; its action
buttons are copied into the modal's footer, outside the iframe.
"""

import re

import feedparser
import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from coop_site.migrations._roles import sync_roles
from news.models import NewsItem
from tests.documents.factories import make_document
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
    # A transactional test starts from a flushed database: the groups made by
    # the roles migration are recreated the same way.
    sync_roles(apps)

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


def open_structure(page):
    page.locator("a[data-cms-structure-btn]").first.click()
    page.locator(".cms-structure-content").wait_for()


def add_plugin(page, slot_name, plugin_label):
    """Open the add form of a plugin in the placeholder titled `slot_name`."""
    dragbar = page.locator(".cms-dragbar").filter(
        has=page.locator(f".cms-dragbar-title[title='{slot_name}']")
    )
    dragbar.locator(".cms-submenu-add").click()
    page.locator(".cms-plugin-picker:visible").get_by_text(plugin_label, exact=True).click()
    frame = modal_frame(page)
    frame.locator("form").wait_for()
    return frame


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
    first.locator(".cms-toolbar").get_by_text("Nouveau Brouillon", exact=True).click()
    first.wait_for_url(re.compile(r".*/edit/\d+/.*"))
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
    editor.locator(".cms-toolbar").get_by_text("Créer", exact=True).click()
    modal_frame(editor).get_by_text("Nouvelle page", exact=True).click()
    modal_button(editor, "Suivant").click()
    modal_frame(editor).locator("#id_1-title").fill("Fête de quartier")
    modal_button(editor, "Créer").click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/.*"))

    # A first text, published.
    open_structure(editor)
    type_rich_text(add_plugin(editor, "Contenu principal", "Texte"), "Première version.")
    save_modal(editor)
    editor.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()
    editor.wait_for_url(re.compile(r".*/fete-de-quartier/.*"))
    visitor = new_page()
    visitor.goto(base + "/fete-de-quartier/")
    assert "Première version." in visitor.locator("main").inner_text()

    # A new draft with a text and a gallery.
    editor.locator(".cms-toolbar").get_by_text("Nouveau Brouillon", exact=True).click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    open_structure(editor)
    type_rich_text(add_plugin(editor, "Contenu principal", "Texte"), "Rendez-vous sur la place.")
    save_modal(editor)
    frame = add_plugin(editor, "Contenu principal", "Galerie photo")
    frame.locator("#id_title").fill("Photos de la fête")
    choose_folder(editor, frame, "Fête de quartier")
    save_modal(editor)

    # Preview: the editor sees the gallery, visitors still get the published page.
    editor.locator(".cms-toolbar").get_by_text("Pré-visualisation", exact=True).click()
    editor.wait_for_url(re.compile(r".*/preview/\d+/.*"))
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
    editor.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()
    editor.wait_for_url(re.compile(r".*/fete-de-quartier/.*"))
    visitor = new_page()
    visitor.goto(base + "/fete-de-quartier/")
    main = visitor.locator("main")
    assert "Rendez-vous sur la place." in main.inner_text()
    assert [img.get_attribute("alt") for img in main.locator("img").all()] == [
        f"Photo {n} de la fête" for n in range(1, 4)
    ]


# --- Done when: a news item with a gallery and a document, read on a phone ---------


def test_untrained_editor_publishes_a_news_item_with_gallery_and_document_read_on_a_phone(
    live_server, site, make_editor, party_photos, new_page
):
    make_editor("alice")
    make_document("Programme de la fête", year=2026)
    base = live_server.url
    editor = new_page(viewport={"width": 1280, "height": 900})

    # "Créer" > "Nouvelle actualité": a draft, opened in edit mode.
    log_in(editor, base, "alice", "/")
    editor.locator(".cms-toolbar").get_by_text("Créer", exact=True).click()
    modal_frame(editor).get_by_text("Nouvelle actualité", exact=True).click()
    modal_button(editor, "Suivant").click()
    modal_frame(editor).locator("#id_1-title").fill("La fête de quartier en images")
    modal_frame(editor).locator("#id_1-teaser").fill("Les photos de la fête et son programme.")
    modal_button(editor, "Créer").click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    item = NewsItem.objects.get(title="La fête de quartier en images")
    assert item.status == NewsItem.Status.DRAFT

    # Its body: a gallery of the party's folder and the programme to download.
    open_structure(editor)
    frame = add_plugin(editor, "Contenu principal", "Galerie photo")
    frame.locator("#id_title").fill("Photos de la fête")
    choose_folder(editor, frame, "Fête de quartier")
    save_modal(editor)
    frame = add_plugin(editor, "Contenu principal", "Documents à télécharger")
    frame.locator("#id_documents_from option", has_text="Programme de la fête").dblclick()
    save_modal(editor)

    # Previewed at its address, while visitors get nothing yet.
    editor.goto(base + item.get_absolute_url())
    assert "le public ne la voit pas" in editor.locator("main").inner_text()
    assert editor.locator("main img[alt='Photo 1 de la fête']").count() == 1
    assert "Programme de la fête" in editor.locator("main").inner_text()
    assert new_page().goto(base + item.get_absolute_url()).status == 404

    # Published from the toolbar's "Actualités" menu.
    editor.locator(".cms-toolbar").get_by_text("Actualités", exact=True).click()
    editor.get_by_text("Titre, date, image et publication de cette actualité").click()
    modal_frame(editor).locator("#id_status").select_option("published")
    save_modal(editor)
    assert NewsItem.objects.get(pk=item.pk).status == NewsItem.Status.PUBLISHED

    # A visitor on a phone finds it in the list and reads it comfortably.
    phone = new_page(viewport={"width": 375, "height": 740})
    phone.goto(base + "/actualites/")
    phone.get_by_role("link", name="La fête de quartier en images").click()
    phone.wait_for_url("**" + item.get_absolute_url())
    main = phone.locator("main")
    assert "le public ne la voit pas" not in main.inner_text()
    assert main.locator("img[alt^='Photo ']").count() == 3
    assert main.get_by_role("link", name=re.compile("Programme de la fête")).count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
