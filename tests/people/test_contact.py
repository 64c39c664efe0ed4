"""A message addressed to a person's role: chosen in the form, kept, shown to the house."""

import pytest
from django.core import mail

from houses.models import ContactMessage
from people.models import Person
from tests.commits import committed
from tests.houses.factories import make_house

from .factories import make_person

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Camille Martin",
    "email": "camille@example.net",
    "phone": "",
    "subject": "Inscription",
    "message": "Bonjour, je voudrais parler de l'accueil de loisirs.",
    "website": "",
}


@pytest.fixture
def house(people_pages):
    house = make_house(slug="les-tilleuls", email="tilleuls@example.org")
    make_person(house, role="Directrice", order=1)
    make_person(house, role="Référente famille", order=2)
    make_person(house, role="Présidente", kind=Person.Kind.BOARD)
    return house


def test_the_form_offers_the_roles_of_the_house_s_people(client, house):
    make_person(make_house(), role="Trésorier d'ailleurs")

    html = client.get("/maisons/les-tilleuls/contact/").content.decode()

    field = html.split('name="addressed_to"')[1].split("</select>")[0]
    assert "À l&#x27;attention de" in html
    assert '<option value="" selected>L&#x27;équipe de la maison</option>' in field
    assert field.index("Directrice") < field.index("Référente famille") < field.index("Présidente")
    assert "Trésorier" not in field
    # The house's own page carries the same choice.
    assert 'name="addressed_to"' in client.get("/maisons/les-tilleuls/").content.decode()


def test_the_message_stores_the_role_and_the_mail_names_it(client, house, admin_client):
    response = client.post(
        "/maisons/les-tilleuls/contact/", {**VALID, "addressed_to": "Référente famille"}
    )
    committed()

    assert response.status_code == 302
    message = ContactMessage.objects.get()
    assert message.addressed_to == "Référente famille"
    assert "À l'attention de : Référente famille" in mail.outbox[0].body
    listing = admin_client.get("/admin/houses/contactmessage/").content.decode()
    assert "Référente famille" in listing
    change = admin_client.get(f"/admin/houses/contactmessage/{message.pk}/change/")
    assert "à l&#x27;attention de" in change.content.decode().lower()


def test_without_a_role_the_message_is_for_the_team(client, house):
    client.post("/maisons/les-tilleuls/contact/", VALID)
    committed()

    assert ContactMessage.objects.get().addressed_to == ""
    assert "attention" not in mail.outbox[0].body


def test_a_role_not_in_the_list_is_refused_in_french(client, house):
    response = client.post("/maisons/les-tilleuls/contact/", {**VALID, "addressed_to": "Maire"})

    assert response.status_code == 400
    assert "Choisissez un rôle de la liste" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_an_unknown_role_in_the_address_preselects_nothing(client, house):
    html = client.get("/maisons/les-tilleuls/contact/?destinataire=Maire").content.decode()

    assert '<option value="" selected>' in html


def test_a_house_without_people_has_no_such_field(client, people_pages):
    make_house(slug="les-platanes")

    assert (
        'name="addressed_to"' not in client.get("/maisons/les-platanes/contact/").content.decode()
    )
