"""Writing to an association: the house contact form's mechanism (coop_site/relay.py),
its e-mail kept hidden, the message stored first and surviving a failing mail server."""

import pytest
from django.core import mail

from associations.models import AssociationMessage
from houses.models import ContactMessage
from tests.commits import committed
from tests.houses.factories import make_house

from .factories import make_association

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Camille Martin",
    "email": "camille@example.net",
    "phone": "",
    "subject": "Rejoindre la chorale",
    "message": "Bonjour, peut-on venir écouter une répétition ?",
    "website": "",
}


@pytest.fixture
def chorale(associations_pages):
    house = make_house(slug="les-ors", short_name="Les Ors", email="ors@example.org")
    return make_association(house, name="Chorale", slug="chorale", email="chorale@asso.example.net")


URL = "/associations/chorale/"


def test_the_message_is_stored_then_mailed_to_the_association(client, chorale):
    page = client.get(URL).content.decode()
    assert 'action="/associations/chorale/"' in page and 'name="website"' in page
    assert "chorale@asso.example.net" not in page

    response = client.post(URL, VALID, follow=True)
    committed()

    assert response.redirect_chain[-1][0].endswith("/associations/chorale/?envoye=1#ecrire")
    assert "Merci, votre message est bien enregistré." in response.content.decode()
    saved = AssociationMessage.objects.get()
    assert (saved.association, saved.subject, saved.emailed_at is not None) == (
        chorale,
        "Rejoindre la chorale",
        True,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["chorale@asso.example.net"]
    assert mail.outbox[0].reply_to == ["camille@example.net"]
    assert "chorale@asso.example.net" not in response.content.decode()


def test_without_an_e_mail_the_association_s_house_receives_it_to_pass_on(client, chorale):
    chorale.email = ""
    chorale.save()

    client.post(URL, VALID)
    committed()

    assert mail.outbox[0].to == ["ors@example.org"]
    assert "merci de le lui transmettre" in mail.outbox[0].body


def test_when_mail_fails_the_message_is_kept_and_the_person_is_thanked(client, chorale, settings):
    settings.EMAIL_BACKEND = "tests.houses.failing_mail.EmailBackend"

    response = client.post(URL, VALID, follow=True)
    committed()

    assert response.status_code == 200
    assert "Merci, votre message est bien enregistré." in response.content.decode()
    saved = AssociationMessage.objects.get()
    assert saved.message == VALID["message"]
    assert saved.emailed_at is None  # staff see in the admin that it was not mailed


def test_the_honeypot_rejects_bots(client, chorale):
    response = client.post(URL, {**VALID, "website": "http://spam"})
    committed()

    assert response.status_code == 400
    assert "Votre message n&#x27;a pas pu être envoyé." in response.content.decode()
    assert not AssociationMessage.objects.exists()
    assert mail.outbox == []


def test_one_rate_limit_for_every_form_of_the_site(client, chorale):
    for _ in range(4):
        assert client.post(URL, VALID).status_code == 302
    house_contact = client.post("/maisons/les-ors/contact/", VALID)
    assert house_contact.status_code == 302

    response = client.post(URL, VALID)

    assert response.status_code == 400
    assert "beaucoup de messages" in response.content.decode()
    assert AssociationMessage.objects.count() == 4 and ContactMessage.objects.count() == 1
    assert client.post(URL, VALID, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_errors_are_french_at_their_fields_and_nothing_is_stored(client, chorale):
    response = client.post(URL, {**VALID, "email": "", "subject": "Ligne 1\nLigne 2"})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email_error">Indiquez un e-mail ou un téléphone' in html
    assert 'id="id_subject_error">L&#x27;objet doit tenir sur une seule ligne.' in html
    assert 'value="Camille Martin"' in html
    assert not AssociationMessage.objects.exists()


def test_a_form_sent_from_another_site_is_refused(client, chorale):
    response = client.post(URL, VALID, HTTP_ORIGIN="https://ailleurs.example.com")

    assert response.status_code == 403
    assert not AssociationMessage.objects.exists()


def test_an_unknown_association_is_404(client, chorale):
    assert client.get("/associations/inconnue/").status_code == 404
    assert client.post("/associations/inconnue/", VALID).status_code == 404
