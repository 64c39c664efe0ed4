"""The houses' rooms and their request form: stored first, then e-mailed to the house,
checked at each field in French, answered by the house's team in the admin."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from associations.models import Room, RoomRequest
from tests.commits import committed
from tests.houses.factories import make_house, make_staff_house, make_staff_user
from tests.houses.test_query_counts import count_queries

from .factories import make_room

pytestmark = pytest.mark.django_db

NEXT_WEEK = timezone.localdate() + datetime.timedelta(days=7)


def valid(**fields):
    data = {
        "starts_on": NEXT_WEEK.isoformat(),
        "ends_on": "",
        "starts_at": "14:00",
        "ends_at": "17:30",
        "attendees": "25",
        "purpose": "L'assemblée générale de la chorale.",
        "organisation": "Chorale du quartier",
        "name": "Camille Martin",
        "email": "camille@example.net",
        "phone": "",
        "website": "",
    }
    data.update(fields)
    return data


def error(html, name):
    found = re.search(rf'id="id_{name}_error">([^<]*)<', html)
    return found.group(1) if found else None


@pytest.fixture
def room(associations_pages):
    house = make_house(slug="les-ors", short_name="Les Ors", email="ors@example.org")
    return make_room(
        house,
        name="Grande salle",
        slug="grande-salle",
        capacity=40,
        equipment="Vidéoprojecteur",
        accessibility="De plain-pied",
        conditions="Prêt gratuit aux associations adhérentes.",
    )


URL = "/salles/les-ors/grande-salle/"


def test_the_room_page_says_what_it_offers_and_asks_for_dates_and_times(client, room):
    html = client.get(URL).content.decode()

    for text in ("40 personnes au plus", "Vidéoprojecteur", "De plain-pied", "Prêt gratuit"):
        assert text in html
    assert 'type="date"' in html and 'type="time"' in html and 'name="website"' in html
    assert 'action="/salles/les-ors/grande-salle/"' in html


def test_a_request_is_stored_as_new_then_mailed_to_the_house(client, room):
    response = client.post(URL, valid(), follow=True)
    committed()

    assert response.redirect_chain[-1][0].endswith(f"{URL}?envoye=1#demande")
    assert "Merci, votre demande est bien enregistrée." in response.content.decode()
    saved = RoomRequest.objects.get()
    assert (saved.room, saved.starts_on, saved.status) == (room, NEXT_WEEK, "nouvelle")
    assert saved.emailed_at is not None
    sent = mail.outbox[0]
    assert sent.to == ["ors@example.org"] and sent.reply_to == ["camille@example.net"]
    assert "Grande salle" in sent.subject and "de 14 h à 17 h 30" in sent.body
    assert "Chorale du quartier" in sent.body


def test_when_mail_fails_the_request_is_kept_and_the_person_is_thanked(client, room, settings):
    settings.EMAIL_BACKEND = "tests.houses.failing_mail.EmailBackend"

    response = client.post(URL, valid(), follow=True)
    committed()

    assert response.status_code == 200
    assert "Merci, votre demande est bien enregistrée." in response.content.decode()
    saved = RoomRequest.objects.get()
    assert saved.purpose == "L'assemblée générale de la chorale."
    assert saved.emailed_at is None


@pytest.mark.parametrize(
    "fields,field,message",
    [
        (
            {"ends_at": "13:00"},
            "ends_at",
            "L&#x27;heure de fin doit venir après l&#x27;heure de début.",
        ),
        (
            {"ends_at": "14:00"},
            "ends_at",
            "L&#x27;heure de fin doit venir après l&#x27;heure de début.",
        ),
        (
            {"starts_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()},
            "starts_on",
            "Cette date est passée : choisissez aujourd&#x27;hui ou un jour à venir.",
        ),
        (
            {"ends_on": (NEXT_WEEK - datetime.timedelta(days=1)).isoformat()},
            "ends_on",
            "Le dernier jour ne peut pas précéder le premier.",
        ),
        ({"starts_on": "demain"}, "starts_on", "Indiquez une date, par exemple 14/03/2027."),
        ({"starts_at": "14h"}, "starts_at", "Indiquez une heure, par exemple 14:00."),
        ({"attendees": "60"}, "attendees", "Cette salle accueille 40 personnes au plus"),
        ({"email": ""}, "email", "Indiquez un e-mail ou un téléphone"),
        ({"purpose": ""}, "purpose", "Ce champ est obligatoire."),
    ],
)
def test_bad_input_is_refused_in_french_at_its_field(client, room, fields, field, message):
    response = client.post(URL, valid(**fields))
    committed()

    assert response.status_code == 400
    html = response.content.decode()
    assert message in (error(html, field) or ""), html.split('class="contact-form"')[1][:3000]
    assert "La demande n'est pas partie : corrigez les champs signalés." in html
    assert 'value="Camille Martin"' in html
    assert not RoomRequest.objects.exists()
    assert mail.outbox == []


def test_today_and_several_days_are_accepted(client, room):
    today = timezone.localdate()
    response = client.post(
        URL,
        valid(
            starts_on=today.isoformat(),
            ends_on=NEXT_WEEK.isoformat(),
            phone="06 12 34 56 78",
            email="",
        ),
    )

    assert response.status_code == 302
    assert RoomRequest.objects.get().ends_on == NEXT_WEEK


def test_the_honeypot_and_the_rate_limit_stop_robots(client, room):
    trapped = client.post(URL, valid(website="http://spam"))
    assert trapped.status_code == 400 and not RoomRequest.objects.exists()

    for _ in range(5):
        assert client.post(URL, valid()).status_code == 302
    response = client.post(URL, valid())
    assert response.status_code == 400
    assert "beaucoup de demandes" in response.content.decode()
    assert RoomRequest.objects.count() == 5


def test_the_rooms_list_filters_by_house_and_size(client, room):
    other = make_house(slug="saint-nicolas", short_name="Saint-Nicolas")
    make_room(other, name="Petite salle", capacity=12, is_sample=True)

    def names(query):
        html = client.get(f"/salles/{query}").content.decode()
        return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html))

    assert names("") == {"Grande salle", "Petite salle"}
    assert names("?maison=saint-nicolas") == {"Petite salle"}
    assert names("?personnes=20") == {"Grande salle"}
    html = client.get("/salles/?personnes=vingt").content.decode()
    assert error(html, "personnes") == "Indiquez un nombre en chiffres, par exemple 20."
    assert "Exemple" in html.split(">Petite salle</a>")[1].split("</article>")[0]


def test_the_house_page_shows_its_rooms_with_their_request_link(client, room):
    html = client.get("/maisons/les-ors/").content.decode()
    section = html.split('aria-labelledby="salles"')[1].split("</section>")[0]

    assert "Grande salle" in section and "40 personnes au plus" in section
    assert f'href="{URL}"' in section


def test_house_page_queries_do_not_grow_with_rooms_and_associations(
    client, associations_pages, page_cache_off, django_assert_max_num_queries
):
    from .factories import make_association

    house = make_house()
    make_room(house)
    make_association(house)
    url = house.get_absolute_url()
    with_few = count_queries(client, url)
    rooms_few = count_queries(client, "/salles/")
    for _ in range(15):
        make_room(house)
        make_association(house)

    client.get(url)
    with django_assert_max_num_queries(with_few):
        assert client.get(url).status_code == 200
    client.get("/salles/")
    with django_assert_max_num_queries(rooms_few):
        assert client.get("/salles/").status_code == 200


# --- The admin ----------------------------------------------------------------


@pytest.fixture
def two_houses():
    return make_staff_house(short_name="Alpha"), make_staff_house(short_name="Bêta")


def make_request(room, **fields):
    fields.setdefault("starts_on", NEXT_WEEK)
    return RoomRequest.objects.create(
        room=room,
        starts_at=datetime.time(14),
        ends_at=datetime.time(16),
        purpose="Une réunion",
        name="Camille",
        email="camille@example.net",
        **fields,
    )


def test_a_team_answers_its_own_house_s_requests_only(client, two_houses):
    alpha, beta = two_houses
    ours = make_request(make_room(alpha, name="Salle Alpha"))
    theirs = make_request(make_room(beta, name="Salle Bêta"))
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    listing = client.get("/admin/associations/roomrequest/").content.decode()
    assert "Salle Alpha" in listing and "Salle Bêta" not in listing
    url = f"/admin/associations/roomrequest/{ours.pk}/change/"
    response = client.post(url, {"status": "acceptee", "answer": "Clés à l'accueil."})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert (ours.status, ours.answer) == ("acceptee", "Clés à l'accueil.")
    assert client.get(f"/admin/associations/roomrequest/{theirs.pk}/change/").status_code == 403
    assert client.get("/admin/associations/roomrequest/add/").status_code == 403


def test_a_request_whose_date_has_passed_can_still_be_answered(client, two_houses):
    alpha, _beta = two_houses
    old = make_request(
        make_room(alpha), starts_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    response = client.post(
        f"/admin/associations/roomrequest/{old.pk}/change/", {"status": "refusee", "answer": ""}
    )

    assert response.status_code == 302
    old.refresh_from_db()
    assert old.status == "refusee"


def room_form(house, **fields):
    data = {
        "name": "Salle bleue",
        "slug": "salle-bleue",
        "house": house.pk,
        "capacity": "20",
        "order": "0",
    }
    data.update(fields)
    return data


def test_the_rooms_admin_refuses_bad_input_in_french_and_keeps_teams_in_their_house(
    client, two_houses
):
    alpha, beta = two_houses
    theirs = make_room(beta)
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    response = client.post("/admin/associations/room/add/", room_form(alpha, capacity="0"))
    errors = response.context["adminform"].form.errors
    assert errors["capacity"] == ["Assurez-vous que cette valeur est supérieure ou égale à 1."]
    response = client.post("/admin/associations/room/add/", room_form(beta))
    assert "Sélectionnez un choix valide" in response.context["adminform"].form.errors["house"][0]
    assert client.post("/admin/associations/room/add/", room_form(alpha)).status_code == 302
    duplicate = client.post("/admin/associations/room/add/", room_form(alpha))
    assert "Cette maison a déjà une salle à cette adresse web." in str(
        duplicate.context["adminform"].form.errors
    )
    assert Room.objects.filter(house=alpha).count() == 1
    assert client.get(f"/admin/associations/room/{theirs.pk}/change/").status_code == 403
