"""The editors' kit as visitors and editors see it, with the real CMS."""

import re

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url

from blocks.models import CallToAction, Column, Grid, Note, Quote, Section

from .factories import add, add_every_block, make_page, publish

pytestmark = pytest.mark.django_db


def visit(client, path="/nos-blocs/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_every_block_renders_for_visitors_in_the_sites_markup(client, admin_user):
    content = make_page(admin_user)
    add_every_block(content)
    publish(content, admin_user)

    html = visit(client)

    assert "css/blocks.css" in html
    # The section: its heading names it, its intro keeps the editor's line break.
    section = re.search(r'<section class="block-section flow" aria-labelledby="(bloc-\d+)">', html)
    assert section
    assert (
        f'<h2 class="block-section__title" id="{section.group(1)}">Coopérer, pour quoi faire ?</h2>'
        in html
    )
    assert "La Coopération sert les maisons<br>et les habitants." in html
    assert "Un texte <strong>riche</strong> dans la section." in html
    # The grid and its three columns, each with its text.
    grid = html[html.index('class="block-grid block-grid--3"') :]
    assert grid.count('class="block-grid__column flow"') == 3
    assert all(f"Colonne numéro {n}." in grid for n in (1, 2, 3))
    # The accordion: <details> items, the first one open.
    details = re.findall(
        r"<details class=\"accordion__item\"( open)?>\s*<summary[^>]*>([^<]+)</summary>", html
    )
    assert details == [(" open", "Présentation de la Coopération"), ("", "Les fiches actions")]
    assert "Le contenu de « Les fiches actions »." in html
    assert 'id="bloc-' in html and ">La Coopération en détail</h2>" in html
    # The call to action, the quote and the notes.
    assert '<a class="button" href="https://www.caf.fr/">Le site de la CAF de la Drôme</a>' in html
    assert '<blockquote class="quote__text"><p>Ici, on se sent chez soi.</p></blockquote>' in html
    assert "Une habitante des Ors, <cite>Rapport d&#x27;activités 2018</cite></figcaption>" in html
    warning = re.search(
        r'<div class="callout callout--warning flow" role="note" aria-labelledby="(bloc-\d+)">\s*'
        r'<p class="callout__title" id="(bloc-\d+)"><span class="callout__kind">Attention :</span> '
        r"Fermeture exceptionnelle</p>",
        html,
    )
    assert warning and warning.group(1) == warning.group(2)
    assert "Les maisons sont fermées du 24 décembre au 1er janvier." in html
    assert "Bonnes fêtes à toutes et à tous." in html
    assert '<span class="callout__kind">Information :</span> Inscriptions ouvertes' in html


def test_every_block_renders_in_edit_mode(client, admin_user):
    content = make_page(admin_user)
    add_every_block(content)
    client.force_login(admin_user)

    response = client.get(get_object_edit_url(content))
    html = response.content.decode()

    assert response.status_code == 200
    for text in (
        "Coopérer, pour quoi faire ?",
        "Colonne numéro 3.",
        '<summary class="accordion__summary">Les fiches actions</summary>',
        "Le site de la CAF de la Drôme",
        "Ici, on se sent chez soi.",
        "Fermeture exceptionnelle",
    ):
        assert text in html
    # Every item of the list is open, so that its blocks can be double-clicked.
    assert html.count('<details class="accordion__item" open>') == 2
    # Each block is wrapped for the editor's double-click.
    section = Section.objects.get()
    assert f"cms-plugin-{section.pk}" in html


def test_the_structure_mode_names_each_block_by_its_content(client, admin_user):
    content = make_page(admin_user)
    add_every_block(content)
    client.force_login(admin_user)

    html = client.get(get_object_structure_url(content)).content.decode()

    assert str(Section.objects.get()) == "Coopérer, pour quoi faire ?"
    assert str(Grid.objects.get()) == "3 colonnes"
    assert str(Column.objects.first()) == "Colonne : 1 bloc(s)"
    assert str(Quote.objects.get()) == "« Ici, on se sent chez soi. » (Une habitante des Ors)"
    assert str(Note.objects.get(kind="warning")) == "Attention : Fermeture exceptionnelle"
    assert str(CallToAction.objects.get()) == (
        "Le site de la CAF de la Drôme → https://www.caf.fr/"
    )
    for preview in (
        "Coopérer, pour quoi faire ?",
        "3 colonnes",
        "Présentation de la Coopération",
        "Une habitante des Ors",
        "Attention : Fermeture exceptionnelle",
        "Le site de la CAF de la Drôme",
    ):
        assert preview in html, preview


def test_what_an_editor_types_is_shown_as_text_never_as_html(client, admin_user):
    content = make_page(admin_user)
    add(content, "SectionPlugin", title="<script>alert(1)</script>", intro="<b>gras</b>")
    add(content, "QuotePlugin", text="<img src=x onerror=alert(2)>", author="<i>Moi</i>")
    add(content, "NotePlugin", title="<u>Titre</u>", text="<a href='javascript:x'>lien</a>")
    add(
        content,
        "CallToActionPlugin",
        text="<em>Le site</em> de la CAF",
        external_url="https://www.caf.fr/",
    )
    publish(content, admin_user)

    html = visit(client)

    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>gras</b>" not in html and "&lt;b&gt;gras&lt;/b&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<i>Moi</i>" not in html
    assert "<u>Titre</u>" not in html and "href='javascript" not in html
    assert "<em>Le site</em>" not in html and "&lt;em&gt;Le site&lt;/em&gt; de la CAF" in html


def test_a_section_without_title_is_a_plain_group_and_level_3_is_kept(client, admin_user):
    content = make_page(admin_user)
    add(content, "SectionPlugin", title="", intro="Seulement une introduction.")
    add(content, "SectionPlugin", title="Une sous-partie", heading_level=3)
    add(content, "AccordionPlugin", title="")
    publish(content, admin_user)

    html = visit(client)

    assert '<div class="block-section flow">' in html
    assert '<p class="block-section__intro">Seulement une introduction.</p>' in html
    assert re.search(r'<h3 class="block-section__title" id="bloc-\d+">Une sous-partie</h3>', html)
    # An accordion without a title is not a named group.
    assert '<div class="accordion">' in html
