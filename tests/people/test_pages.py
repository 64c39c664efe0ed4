"""Whom a resident meets: the house page's team and board, the Coopération's page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from houses.models import House, KeyFigure
from people.models import Person
from tests.galleries.factories import make_image
from tests.houses.factories import make_house

from .factories import make_group, make_person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def section(html, heading):
    """The HTML of the section headed `heading` (its h2), up to the next section."""
    start = html.index(f">{heading}</h2>")
    return html[start : html.index("</section>", start)]


def names_in(html):
    return re.findall(r'class="card__title">([^<]+)<', html)


def test_the_house_page_shows_its_team_and_board_in_the_staff_s_order(client, people_pages):
    house = make_house(slug="les-tilleuls", short_name="Tilleuls")
    make_person(house, display_name="Zoé", role="Directrice", order=1)
    make_person(house, display_name="Bastien", role="Animateur jeunesse", order=2)
    make_person(house, display_name="Amir", role="Référente famille", order=2)
    make_person(house, display_name="Louise", role="Présidente", kind=Person.Kind.BOARD)
    make_person(make_house(), display_name="Ailleurs", role="Directeur")

    html = client.get("/maisons/les-tilleuls/").content.decode()

    team = section(html, "L'équipe")
    assert names_in(team) == ["Zoé", "Amir", "Bastien"]  # order, then name
    assert "Animateur jeunesse" in team
    assert names_in(section(html, "Le conseil d'administration")) == ["Louise"]
    assert "Ailleurs" not in html


def test_a_card_links_to_the_house_s_form_with_the_role_chosen(client, people_pages):
    house = make_house(slug="les-tilleuls")
    make_person(house, display_name="Zoé", role="Référente famille", phone_extension="12")

    html = client.get("/maisons/les-tilleuls/").content.decode()

    assert "Poste 12" in html
    assert (
        'href="/maisons/les-tilleuls/contact/?destinataire=R%C3%A9f%C3%A9rente+famille#contact"'
        in html
    )
    form = client.get("/maisons/les-tilleuls/contact/?destinataire=R%C3%A9f%C3%A9rente+famille")
    selected = re.search(r'<option value="([^"]*)" selected>', form.content.decode())
    assert selected and selected.group(1) == "Référente famille"
    assert "mailto:" not in html


def test_a_photo_shows_with_its_alt_text_and_a_sample_is_marked(client, people_pages):
    house = make_house(slug="les-tilleuls")
    make_person(
        house,
        display_name="Zoé",
        photo=make_image(alt=""),
        alt_text="Zoé devant la maison",
        is_sample=True,
    )

    team = section(client.get("/maisons/les-tilleuls/").content.decode(), "L'équipe")

    assert 'alt="Zoé devant la maison"' in team
    assert '<span class="tag">exemple</span>' in team


def test_no_person_no_section(client, people_pages):
    make_house(slug="les-tilleuls")

    html = client.get("/maisons/les-tilleuls/").content.decode()

    assert "L'équipe</h2>" not in html
    assert "Le conseil d'administration</h2>" not in html


def test_project_groups_show_on_each_of_their_houses(client, people_pages):
    tilleuls = make_house(slug="les-tilleuls")
    platanes = make_house(slug="les-platanes", short_name="Platanes")
    make_group(tilleuls, platanes, name="Groupe projet Mobilité", theme="Mobilité")

    for slug in ("les-tilleuls", "les-platanes"):
        groups = section(client.get(f"/maisons/{slug}/").content.decode(), "Les groupes projets")
        assert "Groupe projet Mobilité" in groups
        assert "Platanes" in groups


def test_the_cooperation_page_lists_everyone_and_the_volunteer_figure(client, people_pages):
    House.objects.create(
        name="La Coopération",
        short_name="La Coopération",
        slug="la-cooperation",
        kind=House.Kind.COOPERATION,
    )
    tilleuls = make_house(slug="les-tilleuls", name="Maison des Tilleuls")
    make_person(None, display_name="Alex", role="Coordinatrice de la Coopération")
    make_person(tilleuls, display_name="Zoé", role="Directrice")
    make_person(tilleuls, display_name="Louise", role="Présidente", kind=Person.Kind.BOARD)
    make_group(tilleuls, name="Groupe projet Radio")
    KeyFigure.objects.create(
        label="bénévoles engagés dans les conseils d'administration et les groupes projets",
        qualifier="plus de",
        value=80,
        year=2018,
        source="La Coopération, 2018",
    )
    KeyFigure.objects.create(label="associations locales accueillies", value=90, year=2018)

    response = client.get("/la-cooperation/equipe/")

    assert response.status_code == 200
    html = response.content.decode()
    assert names_in(section(html, "La Coopération")) == ["Alex"]
    tilleuls_html = section(html, "Maison des Tilleuls")
    assert names_in(tilleuls_html) == ["Zoé", "Louise"]
    assert "Conseil d&#x27;administration</h3>" in tilleuls_html
    assert "plus de 80" in html and "2018 · La Coopération, 2018" in html
    assert "associations locales accueillies" not in html
    assert "Groupe projet Radio" in html
    # The Coopération's people are written to through the Coopération's form.
    assert "/maisons/la-cooperation/contact/?destinataire=Coordinatrice" in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/maisons/les-tilleuls/", "/la-cooperation/equipe/"])
def test_pages_keep_their_query_count_whatever_the_number_of_people(
    client, people_pages, django_assert_max_num_queries, url
):
    house = make_house(slug="les-tilleuls")
    make_person(house, photo=make_image(), alt_text="Une photo")
    make_person(house, kind=Person.Kind.BOARD)
    make_group(house)
    with_few = count_queries(client, url)
    for n in range(15):
        make_person(house, photo=make_image(f"p{n}.jpg"), alt_text="Une photo")
        make_person(house, kind=Person.Kind.BOARD)
        make_person(None)
        make_group(house, make_house())

    client.get(url)
    with django_assert_max_num_queries(with_few):
        assert client.get(url).status_code == 200
