"""Issue 14 in Chromium: an editor builds a page from the kit as a person would.

With the mouse and the keyboard, through the structure board and the blocks'
forms: a list that opens (with one item and its text), a call to action, a
quote and event cards by rule. A vague link text is refused at its field. The
preview shows the page; « Publier » refuses it once, for the call to action
that points at a page still in draft; the editor opens that block from the
report, points it at a published page, and publishes.
"""

import datetime
import re

import pytest
from django.utils import timezone
from djangocms_versioning.constants import PUBLISHED

from tests.browser.test_workflows import (
    PASSWORD,
    add_plugin,
    create_page_with_wizard,
    log_in,
    make_editor,  # noqa: F401 (a fixture)
    modal_button,
    modal_frame,
    open_structure,
    save_modal,
    toolbar_go,
    type_rich_text,
)
from tests.content_checks.factories import draft_page, fresh, published_page, version_of
from tests.houses.conftest import create_houses_pages
from tests.houses.factories import make_event, make_house

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(db, reload_urls, django_user_model):
    from django.contrib.auth.models import Group

    create_houses_pages()
    reload_urls()
    editor = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeur·rice"))
    ors = make_house(slug="les-ors", name="Maison de quartier des Ors", short_name="Les Ors")
    soon = timezone.now() + datetime.timedelta(days=1)
    for days, title in enumerate(["Atelier vélo", "Repas partagé", "Loto", "Bal"]):
        make_event(ors, title=title, starts_at=soon + datetime.timedelta(days=days))
    published_page(editor, title="Les ateliers", slug="les-ateliers")
    draft_page(editor, title="Inscriptions", slug="inscriptions")  # never published
    return ors


def add_child(page, parent_text, plugin_label=None):
    """Open the add form of a block inside the block of the structure board named `parent_text`.

    Where only one kind of block fits (an item in a list), django CMS opens its form at once.
    """
    row = page.locator(".cms-structure-content .cms-dragitem").filter(
        has=page.locator(".cms-dragitem-text", has_text=parent_text)
    )
    if not row.is_visible():  # folded inside its parent: unfold the whole zone, as a person would
        bar = page.locator(".cms-dragbar-title[title='Contenu principal']")
        bar.hover()
        bar.get_by_text("Tout développer").click()
    row.locator(".cms-submenu-add").click()
    if plugin_label:
        picker = page.locator(".cms-plugin-picker:visible")
        picker.get_by_text(plugin_label, exact=True).first.click()
    frame = modal_frame(page)
    frame.locator("form").wait_for()
    return frame


def field(frame, label):
    """A form's field by its label, as the admin writes it (« Titre : »)."""
    return frame.get_by_label(re.compile(rf"^{re.escape(label)}\s*:?\s*$"))


def test_an_editor_builds_previews_fixes_and_publishes_a_page_of_blocks(
    live_server, site, new_page
):
    base = live_server.url
    editor = new_page(viewport={"width": 1280, "height": 900})
    log_in(editor, base, "alice", "/")
    create_page_with_wizard(editor, "Participer")
    open_structure(editor)

    # A list that opens, an item, and the item's text.
    frame = add_plugin(editor, "Contenu principal", "Liste dépliable")
    field(frame, "Titre").fill("Questions fréquentes")
    save_modal(editor)
    frame = add_child(editor, "Questions fréquentes")  # an « Élément dépliable »
    field(frame, "Titre de l'élément").fill("Comment s'inscrire ?")
    save_modal(editor)
    frame = add_child(editor, "Comment s'inscrire ?", "Texte")
    type_rich_text(frame, "À l'accueil de la maison, aux heures d'ouverture.")
    save_modal(editor)

    # A call to action: « ici » is refused at its field, in French.
    frame = add_plugin(editor, "Contenu principal", "Bouton ou lien d'action")
    text = field(frame, "Texte du lien")
    text.fill("ici")
    field(frame, "Page du site").select_option(label="Inscriptions")
    modal_button(editor, "Enregistrer").click()
    frame.locator(".errorlist").first.wait_for()
    assert "ne dit pas où mène le lien" in frame.locator(".field-text .errorlist").inner_text()
    text.press("Control+A")
    text.press_sequentially("S'inscrire aux ateliers")
    save_modal(editor)

    frame = add_plugin(editor, "Contenu principal", "Citation")
    field(frame, "Citation").fill("Ici, on se sent chez soi.")
    field(frame, "Auteur ou autrice").fill("Une habitante des Ors")
    field(frame, "Source").fill("Rapport d'activités 2018")
    save_modal(editor)

    # Cards by rule: the next 3 events of les Ors.
    frame = add_plugin(editor, "Contenu principal", "Cartes d'événements")
    field(frame, "Titre").fill("Bientôt aux Ors")
    field(frame, "Maison").select_option(label=site.name)
    count = field(frame, "Nombre de cartes")
    count.press("Control+A")
    count.press_sequentially("3")
    save_modal(editor)

    # The preview shows what visitors will read.
    editor.wait_for_load_state("networkidle")
    toolbar_go(editor, "Pré-visualisation", re.compile(r".*/preview/\d+/.*"))
    main = editor.locator("main")
    assert main.locator("summary").inner_text() == "Comment s'inscrire ?"
    assert main.get_by_text("Ici, on se sent chez soi.").count() == 1
    cards = main.locator(".card__title").all_inner_texts()
    assert cards == ["Atelier vélo", "Repas partagé", "Loto"], cards

    # « Publier » refuses: the button leads to a page still in draft.
    editor.locator(".cms-toolbar .cms-versioning-js-edit-btn").click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    editor.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()
    editor.locator(".errornote", has_text="n'est pas publiée").wait_for()
    report = editor.locator("#content-main").inner_text()
    assert "Le lien « S'inscrire aux ateliers » ne mène nulle part" in report
    assert report.count("Ouvrir ce bloc pour le corriger") == 1, report
    version = version_of_page("Participer")
    assert fresh(version).state != PUBLISHED

    # Opened from the report, the block gets a published destination.
    editor.get_by_role("link", name="Ouvrir ce bloc pour le corriger").click()
    editor.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    frame = modal_frame(editor)
    page_field = field(frame, "Page du site")
    page_field.wait_for()
    editor.wait_for_load_state("networkidle")
    page_field.focus()
    page_field.select_option(label="Les ateliers")
    save_modal(editor)
    editor.wait_for_load_state("networkidle")
    toolbar_go(editor, "Publier", re.compile(r".*/participer/.*"))
    assert fresh(version).state == PUBLISHED

    # What a visitor reads, on a phone, with the keyboard.
    visitor = new_page(viewport={"width": 320, "height": 640})
    visitor.goto(base + "/participer/")
    main = visitor.locator("main")
    button = main.get_by_role("link", name="S'inscrire aux ateliers")
    assert button.get_attribute("href") == "/les-ateliers/"
    assert main.locator(".card__title").all_inner_texts() == cards
    answer = main.get_by_text("À l'accueil de la maison")
    assert not answer.is_visible()
    main.locator("summary").focus()
    visitor.keyboard.press("Enter")
    assert answer.is_visible()
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 320


def version_of_page(title):
    from cms.models import PageContent

    return version_of(PageContent.admin_manager.get(title=title, language="fr"))


def test_a_table_typed_in_the_text_editor_keeps_its_header_row_and_fits_a_phone(
    live_server, site, new_page
):
    from cms.toolbar.utils import get_object_edit_url
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="alice")
    content = draft_page(user, title="Horaires d'été", slug="horaires-ete")
    base = live_server.url
    editor = new_page(viewport={"width": 1280, "height": 900})
    log_in(editor, base, "alice", get_object_edit_url(content))
    open_structure(editor)

    frame = add_plugin(editor, "Contenu principal", "Texte")
    type_rich_text(frame, "Les horaires de juillet.")
    # Only what the site's design styles: no colours, no alignment.
    assert frame.locator("[title='Couleur du texte'], [title='Centrer']").count() == 0
    frame.locator("[role=button][title='Tableau']").click()
    frame.locator("button[data-rows='3'][data-cols='4']").click()  # its first row: the header
    cells = ["Jour", "Matin", "Après-midi", "Soirée"]
    cells += ["Lundi", "9 h - 12 h", "14 h - 18 h", "Fermé"]
    cells += ["Mercredi", "9 h - 12 h", "13 h 30 - 18 h 30", "Atelier des parents"]
    for number, cell in enumerate(cells):
        if number:
            editor.keyboard.press("Tab")  # the next cell
        editor.keyboard.type(cell)
    save_modal(editor)
    editor.wait_for_load_state("networkidle")
    editor.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()

    # Nothing to fix: published at once.
    editor.wait_for_url(re.compile(r".*/horaires-ete/.*"))
    assert fresh(version_of(content)).state == PUBLISHED
    visitor = new_page(viewport={"width": 320, "height": 640})
    visitor.goto(base + "/horaires-ete/")
    table = visitor.locator("main table")
    assert table.locator("th").all_inner_texts() == cells[:4]
    assert table.locator("td").all_inner_texts() == cells[4:]
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 320
