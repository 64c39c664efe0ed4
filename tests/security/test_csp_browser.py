"""The Content-Security-Policy in Chromium (issue 12): nothing blocked, for visitors and editors.

Chromium reports every blocked script, style, image or frame both as a
console error and as a `securitypolicyviolation` event; both are collected.
A visitor gets the strict policy on every page type; an editor signed in
gets the staff policy, and edits and publishes a page in the CMS's edit mode
without a single violation.
"""

import re

import pytest
from cms.models import PageContent
from django.contrib.auth.models import Group
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "un-mot-de-passe-solide"

# One page of each kind a visitor reads.
PUBLIC_PAGES = [
    "/",
    "/la-cooperation/",
    "/le-socle-commun/",
    "/maisons/",
    "/maisons/saint-nicolas/",
    "/maisons/actions/radio/",
    "/activites/",
    "/activites/atelier-conserverie/",
    "/agenda/",
    "/agenda/semaine/",
    "/agenda/agora-place-jacquemart/",
    "/actualites/",
    "/actualites/une-agora-sur-le-cout-des-dechets/",
    "/documents/",
    "/charte-ecostructure/",
    "/evaluation/",
    "/evaluation/2019/",
    "/recherche/?q=maison",
    "/mentions-legales/",
]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    event.violatedDirective + " " + (event.blockedURI || "inline") + " " + event.sourceFile
  );
});
"""


def watch(page):
    """Collect CSP (and Permissions-Policy) complaints of `page` and of its frames."""
    complaints = []
    page.add_init_script(LISTEN)

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or "Permissions-Policy" in text:
            complaints.append(f"{page.url}: {text}")

    page.on("console", on_console)
    return complaints


def violations(page):
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # a frame gone while the CMS closes its modal
            continue
    return found


def test_every_public_page_type_runs_under_the_strict_policy(live_server, demo, new_page):
    page = new_page()
    complaints = watch(page)
    for path in PUBLIC_PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        policy = response.header_value("content-security-policy")
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        page.wait_for_load_state("load")
        complaints += [f"{path}: {v}" for v in violations(page)]
    assert complaints == []


def test_an_editor_edits_and_publishes_a_text_without_a_violation(live_server, demo, new_page):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_user(
        "redac", password=PASSWORD, is_staff=True, first_name="Redac"
    )
    editor.groups.add(Group.objects.get(name="Éditeur·rice"))
    page = new_page(viewport={"width": 1280, "height": 900})
    complaints = watch(page)

    page.goto(f"{live_server.url}/admin/login/?next=/mentions-legales/")
    page.locator("#id_username").fill("redac")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".cms-toolbar").count() == 1

    # « Nouveau Brouillon » opens a new draft in edit mode.
    page.locator(".cms-toolbar").get_by_text("Nouveau Brouillon", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/cms/placeholder/object/\d+/edit/\d+/"))
    page.wait_for_load_state("networkidle")

    # The text is edited in place (TEXT_INLINE_EDITING): click, type, leave.
    text = page.locator("p", has_text="Ce site est édité par").first
    text.click()
    editable = page.locator("[contenteditable=true]", has_text="Ce site est édité par").first
    editable.wait_for()
    page.keyboard.press("End")
    page.keyboard.type(" Texte revu par la rédaction.")
    page.locator("h1").first.click()  # leaving the text saves it
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)

    # The structure mode, then back to the page, and publish.
    page.locator("a[data-cms-structure-btn]").first.click()
    page.locator(".cms-structure-content").wait_for()
    page.locator("a[data-cms-content-btn]").first.click()

    page.locator(".cms-toolbar").get_by_text("Publier", exact=True).click()
    page.wait_for_load_state("networkidle")

    content = PageContent.admin_manager.filter(page__reverse_id="mentions-legales").first()
    published = Version.objects.filter_by_content_grouping_values(content).get(state=PUBLISHED)
    assert "Texte revu par la rédaction." in "".join(
        plugin.get_bound_plugin().body
        for plugin in published.content.get_placeholders().get(slot="content").get_plugins()
        if plugin.plugin_type == "TextPlugin"
    )
    complaints += violations(page)

    # The admin's screens: the dashboard, the page tree, the media library.
    for path in ("/admin/", "/admin/cms/pagecontent/", "/admin/filer/folder/"):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        complaints += [f"{path}: {v}" for v in violations(page)]
    assert complaints == []
