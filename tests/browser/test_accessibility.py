"""Front-end quality of every public page type (issue 13), in Chromium.

- axe-core (through axe-playwright-python) finds no violation at 1280 and 320 px;
- nothing overflows a 320 px screen (the page never scrolls sideways);
- the phone menu is folded by CSS from the first paint: no layout shift
  when site.js runs, and without JavaScript the menu is still reachable;
- the Nu Html Checker (vnu.jar, needs Java) finds no HTML error; skipped,
  with a message, when Java or vnu.jar is missing.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.pages import NOT_FOUND, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("COOP_VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))

WIDTHS = {"bureau": (1280, 800), "téléphone": (320, 640)}


def _describe(violations):
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


@pytest.fixture
def demo_with_notice(demo):
    """The demo with its site-wide notice published: a banner on every page type."""
    from djangocms_alias.models import AliasContent
    from djangocms_versioning.models import Version

    from coop_site.demo import demo_user

    notice = AliasContent.admin_manager.get(alias__static_code="avis-du-site")
    Version.objects.get_for_content(notice).publish(demo_user())


def test_axe_finds_nothing_and_nothing_overflows_on_any_page_type(
    live_server, demo_with_notice, new_page
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for width_name, (width, height) in WIDTHS.items():
        page = new_page(viewport={"width": width, "height": height})
        for name, path in PAGE_TYPES.items():
            response = page.goto(live_server.url + path)
            expected = 404 if name == NOT_FOUND else 200
            assert response.status == expected, f"{name} ({path}): {response.status}"
            assert page.locator(".site-notice").count() == 1, f"{name} : l'avis manque"
            results = axe.run(page)
            if results.violations_count:
                problems.append(
                    f"{name} ({path}) à {width} px :\n{_describe(results.response['violations'])}"
                )
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(
                    f"{name} ({path}) déborde à {width} px : {scroll_width} px de large"
                )
        del width_name
    assert not problems, "\n\n".join(problems)


CLS_OBSERVER = """
window.__layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


def test_the_phone_menu_is_folded_from_the_first_paint(live_server, demo, new_page):
    # A phone's width and a tall window: a shift anywhere on the page is seen.
    # The home page at Lighthouse's phone height only: below its fold, the
    # slideshow's controls, added by galleries.js, still push the page down.
    page = new_page(viewport={"width": 412, "height": 823}, device_scale_factor=1.75)
    page.add_init_script(CLS_OBSERVER)
    for path, height in (
        ("/", 823),
        ("/activites/", 3000),
        ("/agenda/", 3000),
        ("/evaluation/2019/", 3000),
    ):
        page.set_viewport_size({"width": 412, "height": height})
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__layoutShift") == 0, path
    page.set_viewport_size({"width": 412, "height": 823})
    # Folded, behind a button that says whether it is open.
    toggle = page.get_by_role("button", name="Menu")
    link = page.get_by_role("link", name="La Coopération", exact=True)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert link.is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()


def test_without_javascript_the_phone_menu_is_still_reachable(live_server, demo, new_page):
    page = new_page(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page.goto(live_server.url + "/")
    link = page.get_by_role("link", name="La Coopération", exact=True)
    assert not link.is_visible()
    page.get_by_role("link", name="Menu").click()
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/la-cooperation/")


def test_the_html_checker_finds_no_error_on_any_page_type(
    live_server, demo_with_notice, new_page, tmp_path
):
    if not shutil.which("java"):
        pytest.skip(
            "Java absent : le vérificateur HTML (vnu.jar) ne peut pas tourner (apt-get install default-jre-headless)."
        )
    if not VNU_JAR.exists():
        pytest.skip(f"vnu.jar absent ({VNU_JAR}) : lancez `npm ci` à la racine du projet.")
    from django.test import Client

    client = Client()
    files = {}
    for name, path in PAGE_TYPES.items():
        response = client.get(path)
        target = tmp_path / f"{len(files):02d}.html"
        target.write_bytes(response.content)
        files[str(target)] = f"{name} ({path})"
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} ligne {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
