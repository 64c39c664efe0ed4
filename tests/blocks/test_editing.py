"""An editor fills the blocks' forms as the CMS's edit mode posts them: bad input gets French words."""

import re

import pytest
from cms.api import create_page
from cms.toolbar.utils import get_object_edit_url

from blocks.models import AccordionItem, CallToAction, Column, Grid
from blocks.validators import validate_link_text
from tests.documents.factories import make_document
from tests.evaluation.factories import evaluation_page, make_report
from tests.houses.conftest import create_houses_pages
from tests.houses.factories import make_event, make_house

from .factories import add, make_page, publish

pytestmark = pytest.mark.django_db


def add_url(content, plugin_type, parent=None):
    placeholder = content.get_placeholders().get(slot="content")
    url = (
        f"/admin/cms/placeholder/add-plugin/?placeholder_id={placeholder.pk}"
        f"&plugin_type={plugin_type}&plugin_language=fr&plugin_position=1&cms_path=/nos-blocs/"
    )
    if parent is not None:
        url = url.replace("plugin_position=1", f"plugin_position={parent.position + 1}")
        url += f"&plugin_parent={parent.pk}"
    return url


def errors(response):
    return [
        re.sub(r"<[^>]+>", "", item).replace("&#x27;", "'")
        for item in re.findall(
            r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S
        )
    ]


@pytest.fixture
def editing(client, admin_user):
    client.force_login(admin_user)
    return make_page(admin_user)


@pytest.mark.parametrize(
    "text",
    ["ici", "ICI", "Cliquez ici", "cliquez ici !", "lien", "En savoir plus", "en savoir plus…", "Plus",
     "(ici)", "Là", "https://www.caf.fr/", "www.caf.fr", "caf.fr/aides"],
)  # fmt: skip
def test_a_link_text_that_does_not_say_where_it_goes_is_refused(client, editing, text):
    response = client.post(
        add_url(editing, "CallToActionPlugin"),
        {"text": text, "style": "button", "external_url": "https://www.caf.fr/"},
    )

    assert response.status_code == 200
    messages = errors(response)
    assert len(messages) == 1, messages
    assert "ne dit pas où mène le lien" in messages[0]
    assert not CallToAction.objects.exists()


@pytest.mark.parametrize(
    "text",
    ["Lire le rapport d'activités 2018", "Plus d'activités pour les enfants", "Le site de la CAF",
     "Ici, on s'inscrit aux sorties d'été"],
)  # fmt: skip
def test_a_text_that_names_the_destination_is_accepted(text):
    validate_link_text(text)  # raises nothing


def test_a_call_to_action_needs_exactly_one_destination(client, editing, admin_user):
    house = make_house(name="Maison des Ors")
    url = add_url(editing, "CallToActionPlugin")

    none = client.post(url, {"text": "Les horaires de la maison", "style": "button"})
    assert any("Choisissez où mène le lien" in m for m in errors(none)), errors(none)

    two = client.post(
        url,
        {
            "text": "Les horaires de la maison",
            "style": "button",
            "house": house.pk,
            "external_url": "https://www.caf.fr/",
        },
    )
    messages = errors(two)
    assert (
        messages.count(
            "Un lien mène à une seule destination ; vous en avez choisi 2 (maison, adresse d'un autre "
            "site) : gardez-en une et videz les autres."
        )
        == 2
    ), messages
    assert not CallToAction.objects.exists()

    one = client.post(
        url, {"text": "Les horaires de la maison", "style": "button", "house": house.pk}
    )
    assert errors(one) == []
    assert CallToAction.objects.get().house == house


def test_an_external_address_must_be_https(client, editing):
    response = client.post(
        add_url(editing, "CallToActionPlugin"),
        {"text": "Le site de la CAF", "style": "button", "external_url": "http://www.caf.fr/"},
    )

    assert errors(response) == ["Donnez une adresse complète et sûre, qui commence par https://"]
    assert not CallToAction.objects.exists()


def test_every_kind_of_destination_gives_its_public_address(client, admin_user, reload_urls):
    create_houses_pages()
    evaluation_page()
    reload_urls()
    house = make_house(name="Maison des Ors", slug="les-ors")
    event = make_event(house, title="Fête de quartier", slug="fete-de-quartier")
    report = make_report(year=2019)
    document = make_document("Rapport d'activités 2018")
    target_page = create_page(
        "Nos valeurs", "pages/one_column.html", "fr", slug="nos-valeurs", created_by=admin_user
    )
    publish(target_page.get_admin_content("fr"), admin_user)
    content = make_page(admin_user)
    for text, target in [
        ("Découvrir la maison des Ors", {"house": house}),
        ("Venir à la fête de quartier", {"event": event}),
        ("Lire le rapport d'évaluation 2019", {"report": report}),
        ("Télécharger le rapport d'activités 2018", {"document": document}),
        ("Nos valeurs, en une page", {"page": target_page}),
    ]:
        add(content, "CallToActionPlugin", text=text, style="link", **target)
    publish(content, admin_user)

    html = visit_html(client)

    links = dict(re.findall(r'<a class="cta__link" href="([^"]+)">([^<]+)</a>', html))
    assert links == {
        "/maisons/les-ors/": "Découvrir la maison des Ors",
        event.get_absolute_url(): "Venir à la fête de quartier",
        "/evaluation/2019/": "Lire le rapport d&#x27;évaluation 2019",
        document.download_url: "Télécharger le rapport d&#x27;activités 2018",
        "/nos-valeurs/": "Nos valeurs, en une page",
    }
    assert event.get_absolute_url().startswith("/agenda/")


def visit_html(client, path="/nos-blocs/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_link_to_something_gone_is_hidden_from_visitors_and_shown_to_editors(client, admin_user):
    house = make_house(name="Maison fermée")
    content = make_page(admin_user)
    unpublished = create_page(
        "Brouillon", "pages/one_column.html", "fr", slug="brouillon", created_by=admin_user
    )
    add(content, "CallToActionPlugin", text="La page en préparation", page=unpublished)
    add(content, "CallToActionPlugin", text="La maison fermée", house=house)
    house.delete()

    client.force_login(admin_user)
    edit = client.get(get_object_edit_url(content)).content.decode()
    assert "Le lien « La page en préparation » ne mène nulle part" in edit
    assert "Le lien « La maison fermée » ne mène nulle part" in edit

    publish(content, admin_user)
    client.logout()
    html = visit_html(client)
    assert "La page en préparation" not in html and "La maison fermée" not in html
    assert "ne mène nulle part" not in html


def test_a_new_grid_comes_with_its_columns(client, editing):
    response = client.post(add_url(editing, "GridPlugin"), {"columns": "3"})

    assert response.status_code == 200
    grid = Grid.objects.get()
    assert [c.plugin_type for c in grid.get_children()] == ["ColumnPlugin"] * 3


def test_a_grid_set_from_2_to_3_columns_gets_its_third_and_keeps_the_others(client, editing):
    client.post(add_url(editing, "GridPlugin"), {"columns": "2"})
    grid = Grid.objects.get()
    first = grid.get_children().first()
    add(editing, "TextPlugin", target=first, body="<p>Déjà écrit.</p>")

    response = client.post(
        f"/admin/cms/placeholder/edit-plugin/{grid.pk}/?cms_path=/nos-blocs/", {"columns": "3"}
    )
    assert response.status_code == 200
    columns = list(Grid.objects.get().get_children())
    assert [c.plugin_type for c in columns] == ["ColumnPlugin"] * 3
    assert columns[0].pk == first.pk

    client.post(
        f"/admin/cms/placeholder/edit-plugin/{grid.pk}/?cms_path=/nos-blocs/", {"columns": "2"}
    )
    assert Grid.objects.get().get_children().count() == 3  # a column may hold blocks: kept


def test_columns_and_list_items_go_only_in_their_parent(client, editing):
    refused = client.post(add_url(editing, "ColumnPlugin"), {})
    assert refused.status_code == 400
    assert "Un bloc « Colonne » se place seulement dans un bloc « Grille de colonnes »." in (
        refused.content.decode()
    )
    refused = client.post(add_url(editing, "AccordionItemPlugin"), {"summary": "Perdu"})
    assert refused.status_code == 400
    assert not Column.objects.exists() and not AccordionItem.objects.exists()

    section = add(editing, "SectionPlugin", title="Une section")
    assert client.post(add_url(editing, "ColumnPlugin", parent=section), {}).status_code == 400

    accordion = add(editing, "AccordionPlugin")
    accepted = client.post(
        add_url(editing, "AccordionItemPlugin", parent=accordion), {"summary": "Trouvé"}
    )
    assert accepted.status_code == 200
    assert AccordionItem.objects.get().parent.pk == accordion.pk


def test_the_menus_offer_only_columns_in_a_grid_and_only_items_in_a_list():
    from cms.plugin_pool import plugin_pool

    assert plugin_pool.get_plugin("GridPlugin").child_classes == ["ColumnPlugin"]
    assert plugin_pool.get_plugin("ColumnPlugin").parent_classes == ["GridPlugin"]
    assert plugin_pool.get_plugin("AccordionPlugin").child_classes == ["AccordionItemPlugin"]
    assert plugin_pool.get_plugin("AccordionItemPlugin").parent_classes == ["AccordionPlugin"]
    assert plugin_pool.get_plugin("ColumnPlugin").require_parent


def test_a_block_that_slipped_into_a_grid_still_gets_a_column(client, admin_user):
    content = make_page(admin_user)
    grid = add(content, "GridPlugin", columns=2)
    add(content, "TextPlugin", target=grid, body="<p>Glissé dans la grille.</p>")
    publish(content, admin_user)

    html = visit_html(client)

    assert re.search(r'<div class="block-grid__column flow">\s*<p>Glissé dans la grille.</p>', html)


@pytest.mark.parametrize(
    ("plugin_type", "data", "field_message"),
    [
        ("QuotePlugin", {"text": "", "author": "", "source": ""}, "Ce champ est obligatoire."),
        ("NotePlugin", {"kind": "warning", "title": "", "text": ""}, "Ce champ est obligatoire."),
        ("AccordionItemPlugin", {"summary": ""}, "Ce champ est obligatoire."),
        ("SectionPlugin", {"title": "x" * 151, "heading_level": "2"}, "151"),
    ],
)
def test_other_blocks_refuse_what_is_missing_in_french(
    client, editing, plugin_type, data, field_message
):
    parent = add(editing, "AccordionPlugin") if plugin_type == "AccordionItemPlugin" else None

    response = client.post(add_url(editing, plugin_type, parent=parent), data)

    assert response.status_code == 200
    assert any(field_message in m for m in errors(response)), errors(response)


def test_an_editor_of_the_team_may_add_the_blocks(client, editor):
    content = make_page(editor)  # a draft is locked to its author
    client.force_login(editor)

    quote = client.post(
        add_url(content, "QuotePlugin"),
        {"text": "On se sent chez soi.", "author": "Une habitante", "source": ""},
    )
    grid = client.post(add_url(content, "GridPlugin"), {"columns": "2"})
    link = client.post(
        add_url(content, "CallToActionPlugin"),
        {"text": "Le site de la CAF", "style": "link", "external_url": "https://www.caf.fr/"},
    )

    assert [quote.status_code, grid.status_code, link.status_code] == [200, 200, 200]
    placeholder = content.get_placeholders().get(slot="content")
    types = sorted(p.plugin_type for p in placeholder.get_plugins("fr"))
    assert types == [
        "CallToActionPlugin",
        "ColumnPlugin",
        "ColumnPlugin",
        "GridPlugin",
        "QuotePlugin",
    ]
