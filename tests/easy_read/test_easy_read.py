"""Easy-to-read versions (FALC): the « Facile à lire » link, the version's own page, its admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from easy_read.models import EasyReadLine, EasyReadVersion
from tests.blocks.factories import make_page, publish
from tests.commits import committed
from tests.houses.factories import make_staff_house, make_staff_user

pytestmark = pytest.mark.django_db


def version_of(house=None, page=None, *, published=True, slug="maison-des-ors"):
    version = EasyReadVersion.objects.create(
        title="La maison des Ors, facile à lire",
        slug=slug,
        house=house,
        page=page,
        is_published=published,
    )
    EasyReadLine.objects.create(version=version, order=0, is_heading=True, text="C'est quoi ?")
    EasyReadLine.objects.create(
        version=version, order=1, pictogram="maison", text="La maison est un centre social."
    )
    EasyReadLine.objects.create(version=version, order=2, text="Tout le monde peut venir.")
    return version


def ors():
    return make_staff_house(slug="les-ors", name="Maison des Ors")


def test_a_house_page_links_at_its_top_to_its_version_which_has_its_own_address(
    client, houses_pages
):
    house = ors()
    version_of(house)

    page = client.get(house.get_absolute_url()).content.decode()
    main = page[page.index('<main id="contenu"') :]
    assert main.index("Facile à lire") < main.index("<h1")
    assert 'href="/facile-a-lire/maison-des-ors/"' in main

    response = client.get("/facile-a-lire/maison-des-ors/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'lang="fr-x-falc"' in html
    assert "<h1>La maison des Ors, facile à lire</h1>" in html
    assert '<h2 class="easy-read__heading">C&#x27;est quoi ?</h2>' in html
    assert 'alt="Une maison"' in html and "/static/img/pictos/maison.svg" in html
    assert "La maison est un centre social." in html and "Tout le monde peut venir." in html
    assert f'href="{house.get_absolute_url()}" lang="fr">Lire la page complète' in html


def test_a_draft_version_is_neither_linked_nor_shown_to_the_public_but_its_team_previews_it(
    client, django_user_model, houses_pages
):
    house = ors()
    version_of(house, published=False)

    assert "/facile-a-lire/" not in client.get(house.get_absolute_url()).content.decode()
    assert client.get("/facile-a-lire/maison-des-ors/").status_code == 404
    team_member = make_staff_user(django_user_model, houses=[house])
    assert team_member.has_perm("easy_read.change_easyreadversion")
    client.force_login(team_member)
    response = client.get("/facile-a-lire/maison-des-ors/")
    assert response.status_code == 200, response.status_code
    preview = response.content.decode()
    assert "Aperçu : cette version facile à lire n'est pas publiée" in preview


def test_a_cms_page_s_version_is_linked_from_that_page_only(client, admin_user, houses_pages):
    content = make_page(admin_user, title="Adhérer", slug="adherer")
    publish(content, admin_user)
    version_of(page=content.page, slug="adherer")

    assert 'href="/facile-a-lire/adherer/"' in client.get("/adherer/").content.decode()
    assert "/facile-a-lire/" not in client.get("/").content.decode()
    assert "/facile-a-lire/" not in client.get("/agenda/").content.decode()


def test_the_link_costs_no_query_of_its_own_once_the_site_s_version_is_read(
    client, houses_pages, page_cache_off
):
    house = ors()
    version_of(house)
    client.get(house.get_absolute_url())  # the versions' list, read once per site version

    with CaptureQueriesContext(connection) as queries:
        html = client.get(house.get_absolute_url()).content.decode()

    assert 'href="/facile-a-lire/maison-des-ors/"' in html
    assert not [query for query in queries if "easy_read_" in query["sql"]]


def test_the_version_is_found_by_the_site_search(client, houses_pages):
    version_of(ors())
    committed()

    response = client.get("/recherche/", {"q": "centre social"})

    assert [entry.url for entry in response.context["page_obj"]] == [
        "/facile-a-lire/maison-des-ors/"
    ]


def admin_form(**fields):
    data = {
        "title": "Adhérer, facile à lire",
        "slug": "adherer-facile",
        "is_published": "on",
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "0",
        "lines-0-order": "0",
        "lines-0-pictogram": "euro",
        "lines-0-text": "L'adhésion coûte quelques euros par an.",
    }
    data.update(fields)
    return data


def test_the_admin_refuses_a_long_sentence_and_a_version_of_no_page_or_of_two(
    client, admin_user, houses_pages
):
    house = ors()
    client.force_login(admin_user)
    long = " ".join(["mot"] * 16)

    response = client.post(
        "/admin/easy_read/easyreadversion/add/",
        admin_form(house=house.pk, **{"lines-0-text": long}),
    )
    assert "15 mots au plus (ici 16). Coupez-la en deux lignes." in response.content.decode()
    response = client.post("/admin/easy_read/easyreadversion/add/", admin_form())
    assert "Choisissez la page de la maison ou une page du site : une seule." in (
        response.content.decode()
    )
    assert not EasyReadVersion.objects.exists()

    response = client.post("/admin/easy_read/easyreadversion/add/", admin_form(house=house.pk))
    assert response.status_code == 302
    assert EasyReadVersion.objects.get().lines.get().pictogram == "euro"


def test_a_house_team_writes_its_house_s_version_only(client, django_user_model, houses_pages):
    house = ors()
    other = make_staff_house(slug="saint-nicolas", name="Maison Saint-Nicolas")
    theirs = version_of(other, slug="saint-nicolas")
    client.force_login(make_staff_user(django_user_model, houses=[house]))

    form = client.get("/admin/easy_read/easyreadversion/add/").content.decode()
    assert 'name="house"' in form and 'name="page"' not in form
    assert "Maison Saint-Nicolas" not in form
    listing = client.get("/admin/easy_read/easyreadversion/").content.decode()
    assert "La maison des Ors, facile à lire" not in listing  # Saint-Nicolas's, under that title
    assert client.get(f"/admin/easy_read/easyreadversion/{theirs.pk}/change/").status_code in (
        302,
        403,
        404,
    )
    response = client.post("/admin/easy_read/easyreadversion/add/", admin_form(house=other.pk))
    assert "Sélectionnez un choix valide" in response.content.decode()
    response = client.post("/admin/easy_read/easyreadversion/add/", admin_form(house=house.pk))
    assert response.status_code == 302
    assert EasyReadVersion.objects.get(slug="adherer-facile").house == house


def test_the_demo_s_house_of_les_ors_has_its_version_written_from_the_seed(client, demo):
    page = client.get("/maisons/les-ors/").content.decode()
    assert 'href="/facile-a-lire/maison-des-ors/"' in page

    html = client.get("/facile-a-lire/maison-des-ors/").content.decode()
    version = html[html.index('lang="fr-x-falc"') : html.index("</article>")]
    assert "26 rue Magnard" in version and "quartier ouest" in version
    assert "Exemple" not in version  # written from the seed's facts, not an example
