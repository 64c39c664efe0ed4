"""In Chromium: « Publier » refuses a page with a link to nothing; the editor opens the block from
the list, fixes it in its form, and publishes."""

import re

import pytest
from cms.toolbar.utils import get_object_edit_url
from django.contrib.auth.models import Group
from djangocms_versioning.constants import DRAFT, PUBLISHED

from tests.browser.test_workflows import PASSWORD, log_in, modal_button, modal_frame
from tests.content_checks.factories import add_text, draft_page, fresh, version_of
from tests.news.factories import home_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page):
    """axe finds nothing in what this app adds to the admin's page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [["#content-main"]]})
    assert results.violations_count == 0, results.generate_report()


def test_the_editor_is_refused_opens_the_block_fixes_it_and_publishes(
    live_server, reload_urls, django_user_model, new_page
):
    home_page()
    reload_urls()
    user = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeur·rice"))
    content = draft_page(user, title="Atelier vélo", slug="atelier-velo")
    text = add_text(content, '<p>Inscriptions <a href="#">au garage</a>.</p>')
    version = version_of(content)
    base = live_server.url
    page = new_page(viewport={"width": 1280, "height": 900})
    log_in(page, base, "alice", get_object_edit_url(content))

    page.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()

    page.get_by_text("n'est pas publiée").wait_for()
    assert "« au garage » ne mène nulle part" in page.locator("#content-main").inner_text()
    assert fresh(version).state == DRAFT
    assert_accessible(page)

    link = page.get_by_role("link", name="Ouvrir ce bloc pour le corriger")
    assert link.get_attribute("href").endswith(f"#bloc-{text.pk}")
    link.click()

    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    editor = modal_frame(page).locator("[contenteditable=true]").first
    editor.wait_for()  # the block's form, opened by content_checks/static/…/focus-block.js
    page.wait_for_load_state("networkidle")  # the structure board loads meanwhile
    editor.click()
    page.keyboard.press("Control+A")
    editor.type("Inscriptions au garage de la maison.")
    modal_button(page, "Enregistrer").click()
    page.locator(".cms-modal").wait_for(state="hidden")
    page.wait_for_load_state("networkidle")  # the CMS refreshes the page's content
    page.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()

    page.wait_for_url(re.compile(r".*/atelier-velo/.*"))
    assert fresh(version).state == PUBLISHED
    visitor = new_page()
    visitor.goto(base + "/atelier-velo/")
    assert "Inscriptions au garage de la maison." in visitor.locator("main").inner_text()


def test_the_broken_links_page_is_accessible_at_320_px(
    live_server, reload_urls, django_user_model, new_page
):
    from pathlib import Path

    from tests.documents.factories import make_document

    user = django_user_model.objects.create_user("alice", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeur·rice"))
    content = draft_page(user, title="Agenda", slug="agenda-ete")
    add_text(content, '<p>Voir <a href="/fete-disparue/">la fête</a>.</p>')
    version_of(content).publish(user)
    document = make_document("Compte rendu 2019", year=2019)
    Path(document.file.file.path).unlink()
    page = new_page(viewport={"width": 320, "height": 640})
    log_in(page, live_server.url, "alice", "/admin/")

    page.get_by_role("link", name="Liens cassés et fichiers manquants").click()

    page.get_by_text("Un lien cassé").wait_for()
    assert page.get_by_text("2 fichiers manquants").count() == 1
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
