"""The staff guide's walk (docs/guide/): each role does what its chapters say, in Chromium.

Each test is one role's walk through the real screens, asserting what the
person sees at each step, and takes the screenshots the chapters show. They
go to the folder named by COOP_GUIDE_SCREENSHOTS (`make guide`:
docs/guide/images) or, by default, to a temporary folder: `make test` never
touches the tracked images. The last test fails when a chapter shows an image
the walk does not take, or the walk takes one that no chapter shows.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from cms.toolbar.utils import get_object_edit_url
from django.contrib.auth.models import Group
from django.utils import timezone
from djangocms_versioning.constants import PUBLISHED

from coop_site.guide.chapters import chapter, chapters, image_path
from tests.browser.test_workflows import (
    PASSWORD,
    log_in,
    modal_button,
    modal_frame,
    open_structure,
    save_modal,
    type_rich_text,
)
from tests.content_checks.factories import add_text, draft_page, fresh, version_of
from tests.documents.factories import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS_ENV = "COOP_GUIDE_SCREENSHOTS"
VIEWPORT = {"width": 1200, "height": 800}
WALKS = {
    "test_the_editor_s_walk",
    "test_a_house_team_s_walk",
    "test_the_evaluation_officer_s_walk",
}
TAKEN = {}  # screenshot name: the walk that took it
WALKED = set()  # the walks that went to their end


@pytest.fixture(scope="module")
def shots_dir(tmp_path_factory):
    folder = os.environ.get(SCREENSHOTS_ENV)
    path = Path(folder) if folder else tmp_path_factory.mktemp("guide-images")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def shoot(shots_dir, request):
    """shoot(page or locator, "name.png"): a screenshot of what the person sees, kept small."""
    from PIL import Image

    def take(target, name, **options):
        assert name not in TAKEN, f"{name} est déjà prise par {TAKEN[name]}"
        path = shots_dir / name
        target.screenshot(path=str(path), animations="disabled", caret="hide", **options)
        # A palette of 256 colours: a screen of the admin loses nothing visible, and weighs
        # three to four times less.
        with Image.open(path) as image:
            small = image.convert("RGB").quantize(
                colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
            )
        small.save(path, optimize=True)
        TAKEN[name] = request.node.name

    return take


def staff_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_staff=True, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def structure_add(page, slot_name="Contenu principal"):
    """The « + » of a zone in the structure board: the list of blocks."""
    dragbar = page.locator(".cms-dragbar").filter(
        has=page.locator(f".cms-dragbar-title[title='{slot_name}']")
    )
    dragbar.locator(".cms-submenu-add").click()
    return page.locator(".cms-plugin-picker:visible")


def block_form(page, label, slot_name="Contenu principal"):
    """The form of a new block, picked by its name in the list's filter."""
    blocks = structure_add(page, slot_name)
    blocks.get_by_placeholder("Filtrer les blocs…").fill(label)
    blocks.get_by_text(label, exact=True).first.click()
    frame = modal_frame(page)
    frame.locator("form").wait_for()
    return frame


def cancel_block(page):
    modal_button(page, "Annuler").click()
    page.locator(".cms-modal").wait_for(state="hidden")


def toolbar_button(page, label):
    return page.locator(".cms-toolbar").get_by_text(label, exact=True)


def assert_accessible(page):
    from tests.content_checks.test_browser import assert_accessible as axe_finds_nothing

    axe_finds_nothing(page)


# --- The editor: a page and its blocks, publishing, versions, news, shared contents ----


def test_the_editor_s_walk(live_server, demo, django_user_model, new_page, shoot, tmp_path):
    editor_user = staff_user(django_user_model, "alice", "Éditeur·rice")
    # Written before the browser starts: the live server shares the test's database.
    # A draft with a link to nothing (blocking) and a link « ici » (a warning)...
    workshop = draft_page(editor_user, title="Atelier vélo", slug="atelier-velo")
    add_text(workshop, '<p>Inscriptions <a href="#">au garage</a>.</p>')
    add_text(workshop, '<p>Le programme est <a href="/la-cooperation/">ici</a>.</p>')
    workshop_version = version_of(workshop)
    # ...and a published page whose link leads to a page that is gone.
    broken = draft_page(editor_user, title="Agenda de l'été", slug="agenda-ete")
    add_text(broken, '<p>Voir <a href="/fete-disparue/">la fête de juin</a>.</p>')
    version_of(broken).publish(editor_user)
    base = live_server.url
    page = new_page(viewport=VIEWPORT)

    # The admin's first screen, with the guide.
    log_in(page, base, "alice", "/admin/")
    assert page.get_by_role("link", name="Guide de l'équipe").is_visible()
    shoot(page, "accueil-administration.png")

    # Créer une page: « Créer », « Nouvelle page », its title.
    page.goto(base + "/la-cooperation/")
    toolbar_button(page, "Créer").click()
    wizard = modal_frame(page)
    wizard.get_by_text("Nouvelle page", exact=True).click()
    shoot(page.locator(".cms-modal"), "creer-assistant.png")
    modal_button(page, "Suivant").click()
    wizard.locator("#id_1-title").fill("Repair café")
    shoot(page.locator(".cms-modal"), "creer-titre.png")
    modal_button(page, "Créer").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    assert page.locator("main h1").inner_text() == "Repair café"
    assert "Brouillon" in page.locator(".cms-toolbar").inner_text()
    shoot(page, "page-mode-edition.png")

    # The structure board and its list of blocks.
    open_structure(page)
    blocks = structure_add(page)
    for label in ("Section", "Grille de colonnes", "Citation", "Cartes d'événements"):
        assert blocks.get_by_text(label, exact=True).count() == 1, label
    shoot(page.locator(".cms-modal"), "choisir-un-bloc.png")
    page.locator(".cms-modal-close").click()
    page.locator(".cms-modal").wait_for(state="hidden")

    # Each block's form; a few are filled in to make the page.
    form = block_form(page, "Section")
    form.locator("#id_title").fill("Comment ça marche ?")
    shoot(page.locator(".cms-modal"), "bloc-section.png")
    save_modal(page)

    form = block_form(page, "Bouton ou lien d'action")
    form.locator("#id_text").fill("ici")
    form.locator("#id_house").select_option(label="Maison de quartier des Ors")
    modal_button(page, "Enregistrer").click()
    refusal = form.locator(".errorlist")
    refusal.first.wait_for()
    assert "« ici » ne dit pas où mène le lien" in refusal.first.inner_text()
    shoot(page.locator(".cms-modal"), "bloc-bouton-refuse.png")
    form.locator("#id_text").fill("Venir à la maison des Ors")
    save_modal(page)

    form = block_form(page, "Citation")
    form.locator("#id_text").fill("On repart avec son grille-pain réparé, et des voisins en plus.")
    form.locator("#id_author").fill("Une habitante du quartier des Ors")
    shoot(page.locator(".cms-modal"), "bloc-citation.png")
    save_modal(page)

    form = block_form(page, "Encadré (information, attention)")
    form.locator("#id_kind").select_option("warning")
    form.locator("#id_title").fill("Fermeture exceptionnelle")
    form.locator("#id_text").fill("Pas de repair café pendant les vacances de Noël.")
    shoot(page.locator(".cms-modal"), "bloc-encadre.png")
    save_modal(page)

    for label, name in [
        ("Chiffres clés", "bloc-chiffres-cles.png"),
        ("Cartes d'événements", "bloc-cartes.png"),
        ("Vidéo ou son", "bloc-video-son.png"),
        ("Documents à télécharger", "bloc-documents.png"),
    ]:
        block_form(page, label)
        shoot(page.locator(".cms-modal"), name)
        cancel_block(page)

    structure = page.locator(".cms-structure-content")
    for text in ("Comment ça marche ?", "Venir à la maison des Ors", "Fermeture exceptionnelle"):
        assert text in structure.inner_text(), text
    shoot(page, "structure-blocs.png")

    # Publier: nothing to fix, the page goes public.
    toolbar_button(page, "Publier").click()
    page.wait_for_url(re.compile(r".*/repair-cafe/.*"))
    visitor = new_page(viewport=VIEWPORT)
    visitor.goto(base + "/repair-cafe/")
    main = visitor.locator("main")
    assert "Fermeture exceptionnelle" in main.inner_text()
    assert main.get_by_role("link", name="Venir à la maison des Ors").is_visible()
    shoot(visitor, "page-publiee.png")

    # Publier: the checks. A draft with a link to nothing (blocking) and a link « ici » (warning).
    page.goto(base + get_object_edit_url(workshop))
    toolbar_button(page, "Publier").click()
    page.get_by_text("n'est pas publiée").wait_for()
    problems = page.locator("#content-main")
    assert "« au garage » ne mène nulle part" in problems.locator("#blocking").inner_text()
    assert "« ici »" in problems.locator("#warnings").inner_text()
    shoot(page, "publier-refus.png", full_page=True)
    problems.get_by_role("link", name="Ouvrir ce bloc pour le corriger").first.click()
    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    text_editor = modal_frame(page).locator("[contenteditable=true]").first
    # The block's form, opened from the list: the CMS's modal, then its text editor inside
    # an iframe, each loaded in turn; on a busy machine that takes longer than one wait.
    text_editor.wait_for(timeout=40_000)
    page.wait_for_load_state("networkidle")
    text_editor.click()
    page.keyboard.press("Control+A")
    text_editor.type("Inscriptions au garage de la maison.")
    save_modal(page)
    page.wait_for_load_state("networkidle")
    toolbar_button(page, "Publier").click()
    page.get_by_role("button", name="Publier quand même").wait_for()
    assert "peut être publiée" in page.locator("#content-main").inner_text()
    shoot(page, "publier-avertissements.png")
    page.get_by_role("button", name="Publier quand même").click()
    page.wait_for_url(re.compile(r".*/atelier-velo/.*"))
    assert fresh(workshop_version).state == PUBLISHED
    visitor.goto(base + "/atelier-velo/")
    assert "Inscriptions au garage de la maison." in visitor.locator("main").inner_text()

    # Restaurer une ancienne version: a second version, published, then the first one back.
    page.goto(base + "/repair-cafe/")
    toolbar_button(page, "Nouveau Brouillon").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    open_structure(page)
    form = block_form(page, "Texte")
    type_rich_text(form, "Inscriptions à l'accueil de la maison.")
    shoot(page.locator(".cms-modal"), "bloc-texte.png")
    save_modal(page)
    page.wait_for_load_state("networkidle")
    toolbar_button(page, "Publier").click()
    page.wait_for_url(re.compile(r".*/repair-cafe/.*"))
    versions_menu = page.locator(".cms-toolbar-item-navigation > li > a", has_text="Version #2")
    versions_menu.click()
    manage = page.locator(".cms-toolbar a", has_text="Gérer les versions")
    manage.wait_for()
    shoot(page, "versions-menu.png", clip={"x": 0, "y": 0, "width": 1200, "height": 300})
    page.goto(base + manage.get_attribute("href"))
    page.locator("#toggle-nav-sidebar").click()
    rows = page.locator("#result_list tbody tr")
    assert [row.locator(".field-state").inner_text() for row in rows.all()] == [
        "Publié",
        "Non publié",
    ]
    shoot(page, "versions-liste.png")
    for row in rows.all():
        row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label="Comparer les versions")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text("Comparaison Version #1").wait_for()
    page.wait_for_load_state("networkidle")
    shoot(page, "versions-comparer.png")
    page.go_back()
    rows.nth(1).locator("a[title='Rétablir']").click()
    page.get_by_text("Êtes-vous sûr de vouloir revenir à cette version ?").wait_for()
    shoot(page, "versions-retablir.png")
    page.get_by_role("button", name="Oui, je suis sûr").click()
    # The old version comes back as a new draft, published like any other.
    page.wait_for_url("**/pagecontentversion/?page=*")
    assert rows.first.locator(".field-state").inner_text() == "Brouillon"
    rows.first.locator("a.cms-action-edit").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))
    toolbar_button(page, "Publier").click()
    page.wait_for_url(re.compile(r".*/repair-cafe/.*"))
    visitor = new_page(viewport=VIEWPORT)
    visitor.goto(base + "/repair-cafe/")
    assert "Fermeture exceptionnelle" in visitor.locator("main").inner_text()
    assert "Inscriptions à l'accueil" not in visitor.locator("main").inner_text()

    # Contenus partagés: the site-wide notice and the partners, edited once.
    page.goto(base + "/admin/djangocms_alias/alias/")
    aliases = page.locator("#result_list")
    assert "Avis sur tout le site" in aliases.inner_text()
    assert "Partenaires (pied de page)" in aliases.inner_text()
    notice = aliases.locator("tr", has_text="Avis sur tout le site")
    actions = notice.locator("a[title]").evaluate_all("links => links.map(a => a.title)")
    assert {"Pré-visualisation", "Paramètres"} <= set(actions), actions
    shoot(page, "contenus-partages.png")
    notice.locator("a[title='Pré-visualisation']").click()
    page.wait_for_url(re.compile(r".*/edit/\d+/.*"))  # a draft: it opens ready to edit
    assert page.get_by_role("heading", name="Avis sur tout le site").is_visible()
    assert toolbar_button(page, "Publier").is_visible()
    shoot(page, "contenus-partages-modifier.png")

    # Publier une actualité avec une galerie et un document.
    photos = [
        photo_file(tmp_path / f"repair-{n}.jpg", colour)
        for n, colour in enumerate(["teal", "orange"], start=1)
    ]
    programme = tmp_path / "programme-du-repair-cafe.pdf"
    programme.write_bytes(pdf_bytes(pages=1))
    page.goto(base + "/")
    toolbar_button(page, "Créer").click()
    modal_frame(page).get_by_text("Nouvelle actualité", exact=True).dblclick()
    wizard = modal_frame(page)
    wizard.locator("#id_1-title").fill("Le repair café a réparé 40 objets")
    wizard.locator("#id_1-teaser").fill("Grille-pain, vélos, lampes : le bilan du premier samedi.")
    wizard.get_by_label("Document à télécharger").set_input_files(str(programme))
    shoot(page.locator(".cms-modal"), "actualite-assistant.png")
    modal_button(page, "Créer").click()
    page.wait_for_url(re.compile(r".*/structure/\d+/.*"))
    page.locator(".cms-structure-content").wait_for()
    gallery = block_form(page, "Galerie photo")
    gallery.get_by_label("Ajouter des photos").set_input_files(photos)
    for n in (1, 2):
        gallery.get_by_label(re.compile(rf"repair-{n}\.")).fill(f"Un objet réparé, photo {n}")
    shoot(page.locator(".cms-modal"), "actualite-galerie.png")
    save_modal(page)
    structure = page.locator(".cms-structure-content")
    assert "Documents à télécharger" in structure.inner_text()
    shoot(page, "actualite-structure.png")
    toolbar_button(page, "Publier").click()
    page.wait_for_url("**/actualites/le-repair-cafe-a-repare-40-objets/")
    assert "est publiée" in page.locator(".cms-messages").inner_text()
    visitor = new_page(viewport=VIEWPORT)
    visitor.goto(base + "/actualites/le-repair-cafe-a-repare-40-objets/")
    main = visitor.locator("main")
    assert main.locator("img[alt='Un objet réparé, photo 2']").count() == 1
    assert main.get_by_role("link", name=re.compile("Programme du repair cafe")).count() == 1
    shoot(visitor, "actualite-publiee.png", full_page=True)

    # Liens cassés: a published page links to a page that is gone.
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Liens cassés et fichiers manquants").click()
    report = page.locator("#content-main")
    report.get_by_text("la fête de juin").wait_for()
    assert "Agenda de l'été" in report.inner_text()
    shoot(page, "liens-casses.png")

    # The guide itself, from the admin's first screen: accessible, and readable at 320 px.
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Guide de l'équipe").click()
    page.wait_for_url("**/admin/guide/")
    assert_accessible(page)
    page.get_by_role("link", name="Publier une page").click()
    assert page.locator("h1").inner_text() == "Publier une page"
    # Its screenshots: each one shown is served (one request at a time: the test's live
    # server shares one SQLite connection between its threads), once `make guide` has
    # taken it (tests/coop_site/test_guide.py checks that they all are).
    sources = page.locator(".guide img").evaluate_all("images => images.map(i => i.src)")
    assert len(sources) == len(chapter("publier").image_names())
    served = [page.request.get(source) for source in sources]
    stored = [name for name in chapter("publier").image_names() if image_path(name)]
    assert [r.headers["content-type"] for r in served if r.ok] == ["image/png"] * len(stored)
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    WALKED.add("test_the_editor_s_walk")


# --- A house's team: its own house, activities and events ---------------------------


def test_a_house_team_s_walk(live_server, demo, django_user_model, new_page, shoot):
    from houses.models import Activity, House

    ors = House.objects.get(slug="les-ors")
    elsewhere = Activity.objects.exclude(houses=ors).order_by("title").first()
    user = django_user_model.objects.create_user(
        "camille", password=PASSWORD, is_staff=True, first_name="Camille"
    )
    user.groups.add(ors.staff_group)
    closure_day = (timezone.localdate() + datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    base = live_server.url
    page = new_page(viewport=VIEWPORT)

    # The admin's first screen leads to the team's house.
    log_in(page, base, "camille", "/admin/")
    my_house = page.get_by_role("link", name="Ma maison : Maison de quartier des Ors")
    assert my_house.is_visible()
    assert page.get_by_role("link", name="Guide de l'équipe").is_visible()
    shoot(page, "maison-accueil.png")

    # Its hours, closures, phone: the name and address are the Coopération's.
    my_house.click()
    page.wait_for_url(f"**/admin/houses/house/{ors.pk}/change/")
    assert page.locator("#id_name").count() == 0
    assert page.locator("#opening_hours-group").is_visible()
    shoot(page, "maison-formulaire.png")
    page.locator("#closures-group .add-row a").click()
    row = page.locator("#closures-group tr.dynamic-closures").last
    row.locator("input[name$='-starts_on']").fill(closure_day)
    row.locator("input[name$='-ends_on']").fill(closure_day)
    row.locator("input[name$='-reason']").fill("Formation de l'équipe")
    shoot(page.locator("#closures-group"), "maison-fermeture.png")
    page.locator("input[name=_save]").click()
    assert "a été modifié" in page.locator(".messagelist .success").inner_text()

    # What visitors see on the house's page.
    visitor = new_page(viewport=VIEWPORT)
    visitor.goto(base + ors.get_absolute_url())
    closures = visitor.locator(".closures")
    assert "Formation de l'équipe" in closures.inner_text()
    closures.scroll_into_view_if_needed()
    shoot(visitor, "maison-page-publique.png")

    # Only the house's own activities and events.
    page.goto(base + "/admin/houses/activity/")
    listed = page.locator("#result_list").inner_text()
    assert elsewhere is not None and elsewhere.title not in listed
    assert ors.activities.exists() and ors.activities.first().title in listed
    shoot(page, "maison-activites.png")
    page.goto(base + "/admin/houses/event/add/")
    organisers = page.locator("#id_organiser option").all_inner_texts()
    assert [name for name in organisers if name.strip("-")] == ["Maison de quartier des Ors"]
    shoot(page, "maison-evenement.png")
    WALKED.add("test_a_house_team_s_walk")


# --- The evaluation officer: the year's report, from its PDF to the public page ------


def test_the_evaluation_officer_s_walk(
    live_server, reload_urls, django_user_model, new_page, shoot, tmp_path
):
    from evaluation.models import Report
    from tests.evaluation.factories import evaluation_page, make_referential, make_report, officer
    from tests.evaluation.factories import pdf_bytes as report_pdf

    evaluation_page()
    reload_urls()
    referential = make_referential(dimensions=3)
    make_report(year=2019, referential=referential, scores=["2", "2.5", "3"])
    officer(django_user_model, username="evaluatrice")
    upload = tmp_path / "Rapport 2023.pdf"
    upload.write_bytes(report_pdf(pages=4, text="pouvoir d'agir 2023"))
    base = live_server.url
    page = new_page(viewport=VIEWPORT)

    page.goto(base + "/admin/login/?next=/admin/")
    page.fill("#id_username", "evaluatrice")
    page.fill("#id_password", "mot-de-passe-1")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Rapports").first.click()
    page.get_by_role("link", name="Ajouter rapport").click()
    page.wait_for_url("**/admin/evaluation/report/add/")
    page.fill("#id_year", "2023")
    page.select_option("#id_kind", Report.Kind.ANNUAL)
    page.fill("#id_title", "Rapport d'évaluation 2023")
    page.fill("#id_summary", "Ce que l'évaluation 2023 a montré, en quelques phrases.")
    page.set_input_files("#id_pdf_upload", str(upload))
    for index, score in enumerate(["3", "3.5", "4"]):
        page.fill(f"#id_results-{index}-score", score)
    shoot(page, "rapport-ajout.png")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")
    assert "4 pages" in page.inner_text(".field-file_info")
    shoot(page, "rapport-enregistre.png")

    page.click("text=Aperçu de la page publique")
    page.wait_for_url("**/evaluation/2023/")
    assert "Aperçu d'un brouillon" in page.inner_text("main")
    assert page.locator("path.fleur__petal").count() == 3
    shoot(page, "rapport-apercu.png")
    page.go_back()
    page.click("input[value='Publier le rapport']")
    page.wait_for_selector("text=est publié")
    assert Report.objects.get(year=2023).status == Report.Status.PUBLISHED
    shoot(page, "rapport-publie.png")

    visitor = new_page(viewport=VIEWPORT)
    visitor.goto(base + "/evaluation/2023/")
    assert visitor.locator("h1").inner_text() == "Rapport d'évaluation 2023"
    assert "Aperçu d'un brouillon" not in visitor.inner_text("main")
    WALKED.add("test_the_evaluation_officer_s_walk")


# --- Guide and walk cannot drift apart ------------------------------------------------


def test_the_chapters_show_exactly_the_screenshots_the_walks_take():
    """Last in this file: it reads what the walks above took."""
    if WALKED != WALKS:
        pytest.skip("les parcours du guide n'ont pas tous été lancés (lancez tout ce fichier)")
    shown = {name for chapter in chapters() for name in chapter.image_names()}
    assert sorted(shown - set(TAKEN)) == [], "montrées par le guide, jamais prises par les tests"
    assert sorted(set(TAKEN) - shown) == [], "prises par les tests, montrées par aucun chapitre"


def photo_file(path, colour):
    from PIL import Image

    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return str(path)
