"""The public pages of the houses app, as a resident reads them."""

import datetime
import re

import pytest
from cms.api import add_plugin
from django.utils import timezone

from houses.models import Action, Activity, Closure, CommonBaseItem, Event, House, KeyFigure

from .factories import add_closure, add_hours, make_activity, make_event, make_house

pytestmark = pytest.mark.django_db


def h1(html):
    return re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)


@pytest.fixture
def house(houses_pages):
    house = make_house(
        slug="les-ors",
        name="Maison de quartier des Ors",
        short_name="Les Ors",
        street_address="26 rue Magnard",
        postcode="26100",
        phone="04 75 00 00 22",
        email="les-ors@example.org",
        is_sample=True,
    )
    # Open every day so that the badge says "open" during the day.
    add_hours(house, *[(day, "00:00", "23:59") for day in range(7)])
    return house


def test_houses_list_shows_cards_with_an_open_now_badge(client, house):
    closed = make_house(slug="fermee", name="Maison sans horaires")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    add_hours(closed, (tomorrow.weekday(), "00:00", "00:01"))

    html = client.get("/maisons/").content.decode()

    assert 'href="/maisons/les-ors/"' in html and 'href="/maisons/fermee/"' in html
    assert html.count("Ouvert maintenant") == 1
    assert "Fermé en ce moment" in html and "Ouvre demain à 0 h" in html


def test_house_page_shows_hours_with_today_marked(client, house):
    html = client.get("/maisons/les-ors/").content.decode()

    assert h1(html) == ["Maison de quartier des Ors"]
    table = html.split('<table class="hours">')[1].split("</table>")[0]
    assert table.count("<tr") == 7
    today_row = re.search(r'<tr class="hours__today">\s*<th scope="row">(\w+)', table).group(1)
    days = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
    assert today_row == days[timezone.localdate().weekday()]
    assert "Ouvert maintenant" in html
    assert html.count('class="tag"') >= 2  # hours and phone flagged as samples


def test_house_page_practical_links(client, house):
    html = client.get("/maisons/les-ors/").content.decode()

    assert 'href="tel:+33475000022"' in html
    assert "https://www.openstreetmap.org/search?query=26%20rue%20Magnard" in html
    assert "<iframe" not in html  # no embedded third-party map
    assert "les-ors@example.org" not in html and "mailto:" not in html


def test_house_page_with_coordinates_links_to_the_point(client, house):
    house.latitude, house.longitude = 45.043, 5.043
    house.save()

    html = client.get("/maisons/les-ors/").content.decode()

    assert "https://www.openstreetmap.org/?mlat=45.043" in html


def test_house_page_lists_coming_closures_only(client, house):
    today = timezone.localdate()
    add_closure(
        house,
        today - datetime.timedelta(days=30),
        today - datetime.timedelta(days=20),
        reason="Été passé",
    )
    add_closure(
        house,
        today + datetime.timedelta(days=10),
        today + datetime.timedelta(days=12),
        reason="Pont de mai",
    )

    html = client.get("/maisons/les-ors/").content.decode()

    assert "Pont de mai" in html and "Été passé" not in html


def test_house_page_gives_the_hours_of_an_exceptional_opening(client, house):
    open_day = timezone.localdate() + datetime.timedelta(days=5)
    hours = {"opens": datetime.time(14), "closes": datetime.time(18)}
    add_closure(
        house, open_day, open_day, reason="Portes ouvertes", kind=Closure.Kind.OPEN, **hours
    )
    holiday = open_day + datetime.timedelta(days=4)
    add_closure(house, holiday, holiday, reason="Férié")

    html = client.get("/maisons/les-ors/").content.decode()

    assert re.search(r"Portes ouvertes</strong> :[^<]*, 14 h – 18 h</li>", html)
    assert re.search(r"Férié</strong> :[^<]* \(fermé\)</li>", html)


def test_house_page_during_a_closure_says_closed(client, house):
    today = timezone.localdate()
    add_closure(house, today, today + datetime.timedelta(days=2), reason="Inventaire")

    html = client.get("/maisons/les-ors/").content.decode()

    assert "Fermé en ce moment" in html and "Ouvert maintenant" not in html


def test_house_page_lists_its_activities_events_and_actions(client, house):
    other = make_house()
    make_activity(house, title="Atelier numérique")
    make_activity(other, title="Chorale d'ailleurs")
    make_event(house, title="Café des parents")
    make_event(other, title="Fête d'ailleurs")
    make_event(house, title="Passé", starts_at=timezone.now() - datetime.timedelta(days=9))
    action = Action.objects.create(title="Conserverie", slug="conserverie", first_year=2017)
    action.houses.add(house)

    html = client.get("/maisons/les-ors/").content.decode()

    assert "Atelier numérique" in html and "Chorale d&#x27;ailleurs" not in html
    assert "Café des parents" in html and "Fête d&#x27;ailleurs" not in html
    assert "Passé" not in html
    assert 'href="/maisons/actions/conserverie/"' in html
    assert 'href="/maisons/les-ors/agenda.ics"' in html


def test_house_presentation_placeholder_is_rendered(client, house):
    add_plugin(house.presentation, "TextPlugin", "fr", body="<p>Une maison ouverte à tous.</p>")

    assert "Une maison ouverte à tous." in client.get("/maisons/les-ors/").content.decode()


def test_action_page_renders_its_body(client, house):
    action = Action.objects.create(
        title="Conserverie", slug="conserverie", first_year=2017, summary="Un camion."
    )
    add_plugin(action.body, "TextPlugin", "fr", body="<p>Le camion-atelier.</p>")

    html = client.get("/maisons/actions/conserverie/").content.decode()

    assert h1(html) == ["Conserverie"]
    assert "Le camion-atelier." in html and "depuis 2017" in html
    assert client.get("/maisons/actions/inconnue/").status_code == 404


def test_unknown_house_is_404(client, house):
    assert client.get("/maisons/inconnue/").status_code == 404


def test_activity_page_leads_to_the_house_contact_form(client, house):
    activity = make_activity(
        house,
        title="Cuisine en famille",
        weekday=5,
        starts_at_time=datetime.time(10),
        ends_at_time=datetime.time(13, 30),
        price_kind="quotient",
        price_grid_legacy="QF < 600 : 1 €",  # an old text grid the migration could not read
    )

    html = client.get(activity.get_absolute_url()).content.decode()

    assert "Samedi de 10 h à 13 h 30" in html
    assert "QF &lt; 600 : 1 €" in html
    assert 'href="/maisons/les-ors/#contact"' in html


def test_event_page_shows_place_and_cancellation(client, house):
    agora = make_event(
        house,
        title="AGORA sur la place",
        place_house=None,
        place_name="Place Jacquemart",
        place_address="Place Jacquemart, 26100 Romans-sur-Isère",
        theme=Event.Theme.DEBATE,
        is_cancelled=True,
    )

    html = client.get(agora.get_absolute_url()).content.decode()

    assert "Place Jacquemart, 26100 Romans-sur-Isère" in html
    assert "Cet événement est annulé." in html
    assert "Ajouter à mon agenda" not in html


def test_socle_commun_groups_items_by_kind_in_order(client, houses_pages):
    CommonBaseItem.objects.create(kind="principe", title="Le développement durable", order=3)
    CommonBaseItem.objects.create(kind="principe", title="L'éducation populaire", order=1)
    CommonBaseItem.objects.create(kind="valeur", title="La solidarité", order=1)

    html = client.get("/le-socle-commun/").content.decode()

    assert h1(html) == ["Le socle commun"]
    values = html.index("Valeurs partagées")
    principles = html.index("Principes d&#x27;action")
    assert values < html.index("La solidarité") < principles
    assert (
        principles
        < html.index("L&#x27;éducation populaire")
        < html.index("Le développement durable")
    )
    assert "Fonctions supports" not in html  # empty groups are not shown


def test_home_shows_next_events_and_key_figures(client, houses_pages):
    house = make_house()
    make_event(house, title="Bientôt", starts_at=timezone.now() + datetime.timedelta(days=1))
    make_event(house, title="Plus tard", starts_at=timezone.now() + datetime.timedelta(days=40))
    make_event(house, title="Hier", starts_at=timezone.now() - datetime.timedelta(days=1))
    KeyFigure.objects.create(
        label="salariés permanents", value=24, year=2018, source="La Coopération"
    )
    KeyFigure.objects.create(label="bénévoles", qualifier="plus de", value=80, year=2018)
    KeyFigure.objects.create(label="ancien chiffre", value=1, year=2016)

    html = client.get("/").content.decode()

    events = html.split('id="home-events"')[1].split("</section>")[0]
    assert "Bientôt" in events and "Plus tard" in events and "Hier" not in events
    assert 'href="/agenda/"' in events
    figures = html.split('id="home-figures"')[1].split("</section>")[0]
    assert "La Coopération en chiffres (2018)" in figures
    assert "plus de 80" in figures and "24" in figures and "ancien chiffre" not in figures


def test_pages_appear_in_the_menu(client, houses_pages):
    nav = client.get("/maisons/").content.decode().split('id="menu-principal"')[1].split("</ul>")[0]

    for title in ("Maisons", "Activités", "Agenda"):
        assert f">{title}<" in nav


def test_a_full_activity_says_so_on_its_card_and_page(client, house):
    full = make_activity(house, title="Chorale", status=Activity.Status.FULL)
    make_activity(house, title="Yoga")

    card = client.get("/maisons/les-ors/").content.decode()
    page = client.get(full.get_absolute_url()).content.decode()

    assert '<span class="badge badge--warning">Complet</span>' in card
    assert '<span class="badge badge--success">Places disponibles</span>' in card
    assert '<span class="badge badge--warning">Complet</span>' in page


def test_home_finds_each_neighbourhood_house_with_its_opening(client, houses_pages):
    ors = make_house(name="Maison des Ors")
    add_hours(ors, *[(day, "00:00", "23:59") for day in range(7)])
    make_house(name="Maison sans horaires")
    make_house(name="La Coopération elle-même", kind=House.Kind.COOPERATION)

    html = client.get("/").content.decode()

    cards = html.split('id="home-houses"')[1].split("</section>")[0]
    assert cards.count('class="card card--link"') == 2
    assert "Maison des Ors" in cards and "Maison sans horaires" in cards
    assert "La Coopération elle-même" not in cards
    assert cards.count('class="status"') == 1
