"""The editors' blocks in Chromium: a page holding every block (blocks/, and the
cards, figures, media and contact blocks of the other apps) passes
axe and the Nu Html Checker, at 1280 and 320 px, and nothing overflows a phone.

The helpers and the checker's location are those of test_accessibility.py.
"""

import json
import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model

from tests.blocks.factories import add, add_every_block, add_every_data_block, make_page, publish

from .test_accessibility import VNU_JAR, WIDTHS, _describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATH = "/nos-blocs/"

GRID_ROWS = """
[...document.querySelectorAll(".block-grid")].map((grid) => {
  const columns = [...grid.children];
  return {
    columns: grid.classList.contains("block-grid--3") ? 3 : 2,
    count: columns.length,
    rows: new Set(columns.map((c) => Math.round(c.getBoundingClientRect().top))).size,
  };
})
"""


@pytest.fixture
def blocks_page(db, reload_urls):
    from tests.houses.conftest import create_houses_pages
    from tests.houses.factories import make_house
    from tests.news.factories import news_page

    create_houses_pages()  # the pages the cards link to
    news_page()
    user = get_user_model().objects.create_superuser("chef", "chef@example.org", "motdepasse")
    content = make_page(user, template="pages/two_columns.html")
    add_every_block(content)
    house = make_house(slug="les-ors", name="Maison de quartier des Ors", short_name="Les Ors")
    add_every_data_block(content, house=house)
    # A note in the sidebar too: the narrowest column of the site.
    add(content, "NotePlugin", slot="sidebar", kind="warning", title="Fermeture exceptionnelle",
        text="Fermé le lundi 24 décembre.")  # fmt: skip
    add(content, "CallToActionPlugin", slot="sidebar", style="secondary",
        text="Le site de la CAF de la Drôme", external_url="https://www.caf.fr/")  # fmt: skip
    publish(content, user)
    reload_urls()
    return PATH


def test_the_page_shows_every_block_with_its_records(client, blocks_page):
    html = client.get(blocks_page).content.decode()

    for words in [
        "bénévoles engagés",
        "Les prochains événements",
        "Atelier couture",
        "La fête de quartier",
        "Maison de quartier des Ors",
        "<video",
        'kind="captions"',
        "Écrire à la maison",
        "Fermeture exceptionnelle",
    ]:
        assert words in html, words


def test_a_page_of_every_block_passes_axe_and_fits_a_phone(live_server, blocks_page, new_page):
    problems = _axe_and_width_problems(live_server.url + blocks_page, new_page)
    assert not problems, "\n\n".join(problems)


def test_the_demos_cooperation_page_with_its_blocks_passes_axe(live_server, demo, new_page):
    problems = _axe_and_width_problems(live_server.url + "/la-cooperation/", new_page)
    assert not problems, "\n\n".join(problems)


def _axe_and_width_problems(url, new_page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for width, height in WIDTHS.values():
        page = new_page(viewport={"width": width, "height": height})
        assert page.goto(url).status == 200
        results = axe.run(page)
        if results.violations_count:
            problems.append(f"à {width} px :\n{_describe(results.response['violations'])}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.append(f"déborde à {width} px : {scroll_width} px de large")
        # Side by side on a desk (2 or 3 to a row), one under the other on a phone.
        for grid in page.evaluate(GRID_ROWS):
            per_row = grid["columns"] if width >= 960 else 1
            expected = -(-grid["count"] // per_row)
            if grid["rows"] != expected:
                problems.append(
                    f"à {width} px, une grille de {grid['count']} colonnes tient sur "
                    f"{grid['rows']} rangée(s) au lieu de {expected}"
                )
    return problems


def test_the_list_opens_and_closes_with_the_keyboard(live_server, blocks_page, new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(live_server.url + blocks_page)
    second = page.locator("details.accordion__item").nth(1)
    body = second.locator(".accordion__body")
    assert not body.is_visible()

    second.locator("summary").focus()
    page.keyboard.press("Enter")
    assert body.is_visible()
    assert "Le contenu de « Les fiches actions »." in body.inner_text()
    page.keyboard.press("Space")
    assert not body.is_visible()


def test_the_html_checker_finds_no_error_in_the_blocks(blocks_page, tmp_path):
    errors = _html_errors(blocks_page, tmp_path)
    assert not errors, "\n".join(errors)


def test_the_html_checker_finds_no_error_on_the_demos_cooperation_page(demo, tmp_path):
    errors = _html_errors("/la-cooperation/", tmp_path)
    assert not errors, "\n".join(errors)


def _html_errors(path, tmp_path):
    if not shutil.which("java"):
        pytest.skip("Java absent : le vérificateur HTML (vnu.jar) ne peut pas tourner.")
    if not VNU_JAR.exists():
        pytest.skip(f"vnu.jar absent ({VNU_JAR}) : lancez `npm ci` à la racine du projet.")
    from django.test import Client

    target = tmp_path / "page.html"
    response = Client().get(path)
    assert response.status_code == 200
    target.write_bytes(response.content)
    run = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [
        f"ligne {m.get('lastLine')}: {m['message']}" for m in messages if m.get("type") == "error"
    ]
