"""The checker reads a draft as the public would get it and names each problem, in French."""

from pathlib import Path

import pytest
from cms.api import add_plugin

from content_checks.checker import BLOCKING, WARNING, check_content
from tests.content_checks.factories import (
    MarkupPlugin,
    add_text,
    draft_page,
    published_page,
)
from tests.documents.factories import make_document
from tests.galleries.factories import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _markup_plugins():
    yield
    MarkupPlugin.unregister_all()


@pytest.fixture
def content(admin_user):
    return draft_page(admin_user)


def only(report, code):
    found = [problem for problem in report.problems if problem.code == code]
    assert len(found) == 1, [problem.code for problem in report.problems]
    return found[0]


PROBLEMS_IN_TEXT = [
    (
        '<p><img src="/static/images/logo.png"> Notre maison</p>',
        "image_alt",
        BLOCKING,
        "n'a pas de texte alternatif",
    ),
    ("<h2>Horaires</h2><h4>Le lundi</h4>", "heading_skip", WARNING, "un niveau est sauté"),
    ("<h3>Horaires</h3>", "heading_skip", WARNING, "Choisissez le niveau 2"),
    ("<h1>Horaires</h1>", "heading_h1", WARNING, "comme le titre de la page"),
    (
        '<p>Le programme <a href="https://example.org/"></a></p>',
        "link_empty",
        BLOCKING,
        "pas de texte",
    ),
    ('<p><a href="#">Le programme</a></p>', "link_nowhere", BLOCKING, "ne mène nulle part"),
    (
        '<p>Le programme est <a href="https://example.org/">ici</a>.</p>',
        "link_vague",
        WARNING,
        "« ici »",
    ),
    (
        '<p><a href="https://example.org/">Cliquez ici</a></p>',
        "link_vague",
        WARNING,
        "ne dit pas où",
    ),
    ('<p><a href="https://example.org/">Lien</a></p>', "link_vague", WARNING, "ne dit pas où"),
    (
        '<p><a href="https://example.org/">En savoir plus</a></p>',
        "link_vague",
        WARNING,
        "ne dit pas où",
    ),
    (
        '<p><a href="https://example.org/ete">https://example.org/ete</a></p>',
        "link_bare_url",
        WARNING,
        "adresse web brute",
    ),
    (
        '<p>Voir <a href="/page-disparue/">le programme</a></p>',
        "link_missing_page",
        BLOCKING,
        "/page-disparue/ n'existe pas",
    ),
    (
        '<p><a href="/media/rapports/perdu.pdf">Le rapport 2019</a></p>',
        "missing_file",
        BLOCKING,
        "perdu.pdf",
    ),
    ("<table><tr><td>Lundi</td><td>9 h</td></tr></table>", "table_header", WARNING, "en-tête"),
    (
        '<p><span style="font-family: Calibri; color: #ff0000">Texte collé</span></p>',
        "inline_style",
        WARNING,
        "mise en forme collée",
    ),
]


@pytest.mark.parametrize("body, code, severity, words", PROBLEMS_IN_TEXT)
def test_each_problem_of_a_text_block_is_named_in_french_with_its_block(
    content, body, code, severity, words
):
    text = add_text(content, body)

    problem = only(check_content(content), code)

    assert problem.severity == severity
    assert words in problem.message
    assert problem.plugin_id == text.pk
    assert problem.plugin_name == "Texte"
    assert problem.placeholder == "Contenu principal"


def test_a_clean_page_has_nothing_to_fix(content, admin_user):
    target = published_page(admin_user, title="Horaires", slug="horaires")
    add_text(
        content,
        "<h2>Nos horaires</h2><h3>En semaine</h3>"
        '<p>Voir <a href="/horaires/">les horaires des maisons</a>, '
        '<a href="https://example.org/ete">le programme de l\'été</a> et '
        '<a href="mailto:accueil@example.org">écrire à l\'accueil</a>.</p>'
        '<p><img src="/static/images/logo.png" alt="Logo de la Coopération"></p>'
        "<table><thead><tr><th>Jour</th></tr></thead><tr><td>Lundi</td></tr></table>",
    )
    assert target.page.get_absolute_url("fr") == "/horaires/"

    assert check_content(content).problems == []


def test_a_table_as_the_text_editor_writes_it_has_nothing_to_fix(content):
    # djangocms-text's editor (TipTap) sizes the columns itself, with inline widths.
    add_text(
        content,
        '<table class="table" style="min-width: 50px;"><colgroup><col style="min-width: 25px;">'
        '<col style="min-width: 25px;"></colgroup><tbody><tr><th colspan="1" rowspan="1">'
        "<p>Jour</p></th><th><p>Matin</p></th></tr><tr><td><p>Lundi</p></td><td><p>9 h</p></td>"
        "</tr></tbody></table>",
    )

    assert check_content(content).problems == []


def test_a_text_link_to_a_draft_page_blocks_and_publishing_that_page_clears_it(content, admin_user):
    from tests.content_checks.factories import version_of

    target = draft_page(admin_user, title="Fête de l'été", slug="fete-ete")
    add_text(content, f'<p>Venez à <a data-cms-href="cms.page:{target.page.pk}">la fête</a>.</p>')

    problem = only(check_content(content), "link_missing_page")
    assert problem.is_blocking and "« la fête »" in problem.message

    version_of(target).publish(admin_user)
    assert check_content(content).problems == []


def test_a_link_to_a_deleted_page_blocks(content, admin_user):
    target = published_page(admin_user, title="Ancienne page", slug="ancienne")
    add_text(content, f'<p><a data-cms-href="cms.page:{target.page.pk}">l\'ancienne page</a></p>')
    target.page.delete()

    assert only(check_content(content), "link_missing_page").is_blocking


def test_an_image_block_without_alt_text_blocks_though_its_html_looks_decorative(content):
    placeholder = content.get_placeholders().get(slot="content")
    image = make_image("fete.jpg")
    figure = add_plugin(placeholder, "FigurePlugin", "fr", image=image, alt_text="")

    problem = only(check_content(content), "image_alt")

    assert problem.is_blocking and problem.plugin_id == figure.pk
    assert problem.plugin_name == "Image avec légende"


def test_a_decorative_or_described_image_block_is_fine(content):
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "FigurePlugin", "fr", image=make_image("a.jpg"), is_decorative=True)
    add_plugin(placeholder, "FigurePlugin", "fr", image=make_image("b.jpg"), alt_text="Le jardin")

    assert check_content(content).problems == []


def test_a_document_whose_file_is_gone_blocks(content):
    placeholder = content.get_placeholders().get(slot="content")
    document = make_document("Rapport d'activité 2019", year=2019)
    block = add_plugin(placeholder, "DocumentsPlugin", "fr", title="À lire")
    block.documents.add(document)
    assert check_content(content).problems == []

    Path(document.file.file.path).unlink()

    problem = only(check_content(content), "missing_file")
    assert problem.is_blocking and problem.plugin_id == block.pk
    assert "a disparu" in problem.message


def test_a_video_without_captions_is_a_warning_and_with_captions_is_fine(content):
    block = MarkupPlugin.add(content, '<video controls src="/static/v.mp4"></video>')

    problem = only(check_content(content), "video_captions")
    assert problem.severity == WARNING and problem.plugin_id == block.pk
    assert "ni sous-titres ni transcription" in problem.message

    block.delete()
    MarkupPlugin.add(
        content,
        '<video controls src="/static/v.mp4">'
        '<track kind="captions" src="/static/v.vtt" srclang="fr" label="Français"></video>',
    )
    MarkupPlugin.add(
        content,
        '<figure><video controls src="/static/v.mp4" aria-describedby="t1"></video>'
        '<details class="media-block__transcript"><summary>Transcription</summary>'
        '<div id="t1"><p>Bonjour.</p></div></details></figure>',
    )
    assert check_content(content).problems == []


def test_an_audio_without_transcript_is_a_warning(content):
    MarkupPlugin.add(content, '<audio controls src="/static/a.ogg"></audio>')
    assert only(check_content(content), "audio_transcript").severity == WARNING

    content.get_placeholders().get(slot="content").get_plugins().delete()
    MarkupPlugin.add(
        content,
        '<figure><audio controls src="/static/a.ogg"></audio>'
        '<details class="media__transcript"><summary>Transcription</summary>'
        "<p>Bonjour.</p></details></figure>",
    )
    assert check_content(content).problems == []


def test_an_empty_button_blocks(content):
    MarkupPlugin.add(content, '<button type="button"><span class="icon"></span></button>')

    assert only(check_content(content), "button_empty").is_blocking


def test_a_problem_inside_a_nested_block_points_at_that_block(content):
    outer = MarkupPlugin.add(
        content,
        "{% load cms_tags %}<section>{% for child in instance.child_plugin_instances %}"
        "{% render_plugin child %}{% endfor %}</section>",
        allow_children=True,
    )
    inner = add_plugin(
        outer.placeholder, "TextPlugin", "fr", target=outer, body='<p><a href="#">Vide</a></p>'
    )

    problem = only(check_content(content), "link_nowhere")

    assert problem.plugin_id == inner.pk


def test_the_headings_of_the_sidebar_start_again_under_the_title(admin_user):
    from cms.api import create_page
    from cms.models import PageContent

    page = create_page(
        "Deux colonnes", "pages/two_columns.html", "fr", slug="deux", created_by=admin_user
    )
    content = PageContent.admin_manager.get(page=page)
    add_text(content, "<h2>Contenu</h2><h3>Détail</h3>")
    add_text(content, "<h2>À savoir</h2>", slot="sidebar")

    assert check_content(content).problems == []


def test_a_link_to_a_house_that_does_not_exist_blocks_and_one_that_does_is_fine(
    content, reload_urls
):
    from tests.houses.conftest import create_houses_pages
    from tests.news.factories import make_house

    create_houses_pages()
    reload_urls()
    house = make_house()
    add_text(
        content,
        f'<p><a href="{house.get_absolute_url()}">la maison Saint-Nicolas</a> et '
        '<a href="/maisons/maison-fermee/">la maison fermée</a></p>',
    )

    problem = only(check_content(content), "link_missing_page")

    assert "/maisons/maison-fermee/ n'existe pas" in problem.message


def test_a_call_to_action_whose_page_is_unpublished_blocks(content, admin_user):
    from tests.content_checks.factories import version_of

    target = published_page(admin_user, title="Programme de l'été", slug="programme-ete")
    placeholder = content.get_placeholders().get(slot="content")
    block = add_plugin(
        placeholder, "CallToActionPlugin", "fr", text="Le programme de l'été", page=target.page
    )
    assert check_content(content).problems == []

    version_of(target).unpublish(admin_user)

    problem = only(check_content(content), "link_missing_page")
    assert problem.is_blocking and problem.plugin_id == block.pk
    assert "« Le programme de l'été » ne mène nulle part" in problem.message
