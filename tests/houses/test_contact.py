"""The contact form: saved first, then e-mailed; bots stopped; no address ever shown."""

import re

import pytest
from cms.models import PageContent
from django.core import mail
from django.utils import timezone

from houses.models import Action, Activity, ContactMessage, Event, House
from tests.commits import committed

from .factories import make_house

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Camille Martin",
    "email": "camille@example.net",
    "phone": "",
    "subject": "Inscription",
    "message": "Bonjour, comment inscrire mon fils à l'aide aux devoirs ?",
    "website": "",
}


@pytest.fixture
def house(houses_pages):
    return make_house(slug="les-tilleuls", name="Maison des Tilleuls", email="tilleuls@example.org")


def test_message_is_saved_mailed_and_confirmed(client, house):
    response = client.post("/maisons/les-tilleuls/contact/", VALID, follow=True)
    committed()

    assert response.redirect_chain[-1][0].endswith(
        "/maisons/les-tilleuls/contact/?envoye=1#contact"
    )
    assert "Merci, votre message est bien enregistré." in response.content.decode()
    saved = ContactMessage.objects.get()
    assert (saved.house, saved.subject, saved.email) == (
        house,
        "Inscription",
        "camille@example.net",
    )
    assert saved.emailed_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tilleuls@example.org"]
    assert "camille@example.net" in mail.outbox[0].body


def test_replying_to_the_mail_writes_to_the_visitor(client, house):
    client.post("/maisons/les-tilleuls/contact/", VALID)
    committed()

    assert mail.outbox[0].reply_to == ["camille@example.net"]
    assert "Reply-To: camille@example.net" in mail.outbox[0].message().as_string()


def test_without_an_email_the_mail_has_no_reply_to(client, house):
    client.post("/maisons/les-tilleuls/contact/", {**VALID, "email": "", "phone": "06 12 34 56 78"})
    committed()

    assert mail.outbox[0].reply_to == []
    assert "Reply-To" not in mail.outbox[0].message().as_string()


def test_a_too_long_message_is_refused_at_the_field(client, house):
    html = client.get("/maisons/les-tilleuls/contact/").content.decode()
    assert re.search(r"5\s?000 caractères au plus", html)  # said before typing

    response = client.post("/maisons/les-tilleuls/contact/", {**VALID, "message": "a" * 5001})
    committed()

    assert response.status_code == 400
    error = re.search(r'id="id_message_error">([^<]*)<', response.content.decode()).group(1)
    assert "au plus 5000 caractères" in error
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []
    # 5,000 characters exactly are accepted.
    assert (
        client.post("/maisons/les-tilleuls/contact/", {**VALID, "message": "a" * 5000}).status_code
        == 302
    )


@pytest.mark.parametrize("subject", ["Inscription\nBcc: spam@example.com", "Inscription\r\nsuite"])
def test_a_subject_with_a_line_break_is_refused_at_the_field(client, house, subject):
    response = client.post("/maisons/les-tilleuls/contact/", {**VALID, "subject": subject})
    committed()

    assert response.status_code == 400
    error = re.search(r'id="id_subject_error">([^<]*)<', response.content.decode()).group(1)
    assert error == "L&#x27;objet doit tenir sur une seule ligne."
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_when_mail_fails_the_message_is_kept_and_the_person_is_thanked(client, house, settings):
    settings.EMAIL_BACKEND = "tests.houses.failing_mail.EmailBackend"

    response = client.post("/maisons/les-tilleuls/contact/", VALID, follow=True)
    committed()

    assert response.status_code == 200
    assert "Merci, votre message est bien enregistré." in response.content.decode()
    saved = ContactMessage.objects.get()
    assert saved.message == VALID["message"]
    assert saved.emailed_at is None  # staff see in the admin that it was not mailed


def test_the_honeypot_rejects_bots(client, house):
    response = client.post("/maisons/les-tilleuls/contact/", {**VALID, "website": "http://spam"})
    committed()

    assert response.status_code == 400
    assert "Votre message n&#x27;a pas pu être envoyé." in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_per_ip_rate_limit(client, house):
    for _ in range(5):
        assert client.post("/maisons/les-tilleuls/contact/", VALID).status_code == 302

    response = client.post("/maisons/les-tilleuls/contact/", VALID)

    assert response.status_code == 400
    assert "beaucoup de messages" in response.content.decode()
    assert ContactMessage.objects.count() == 5
    # Another visitor is not affected.
    other = client.post("/maisons/les-tilleuls/contact/", VALID, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_errors_are_tied_to_their_fields_and_nothing_is_saved(client, house):
    response = client.post(
        "/maisons/les-tilleuls/contact/", {**VALID, "email": "pas-une-adresse", "message": ""}
    )

    html = response.content.decode()
    assert response.status_code == 400
    textarea = re.search(r"<textarea[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in textarea
    # Read out with the field: its help (the length limit), then its error.
    assert 'aria-describedby="id_message_help id_message_error"' in textarea
    assert 'id="id_email_error"' in html
    assert 'value="Camille Martin"' in html  # what was typed is kept
    assert not ContactMessage.objects.exists()


def test_a_phone_number_is_enough_but_one_way_back_is_required(client, house):
    without = client.post("/maisons/les-tilleuls/contact/", {**VALID, "email": ""})
    with_phone = client.post(
        "/maisons/les-tilleuls/contact/", {**VALID, "email": "", "phone": "06 12 34 56 78"}
    )

    assert without.status_code == 400
    assert "Indiquez un e-mail ou un téléphone" in without.content.decode()
    assert with_phone.status_code == 302
    assert ContactMessage.objects.get().phone == "06 12 34 56 78"


def test_house_page_embeds_the_form_posting_to_its_contact_url(client, house):
    html = client.get("/maisons/les-tilleuls/").content.decode()

    assert 'id="contact"' in html
    assert 'action="/maisons/les-tilleuls/contact/"' in html
    assert 'name="website"' in html


def test_unknown_house_contact_is_404(client, house):
    assert client.get("/maisons/inconnue/contact/").status_code == 404
    assert client.post("/maisons/inconnue/contact/", VALID).status_code == 404


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def public_urls():
    urls = {
        content.page.get_absolute_url("fr")
        for content in PageContent.objects.filter(language="fr").select_related("page")
    }
    for house in House.objects.all():
        urls |= {house.get_absolute_url(), f"{house.get_absolute_url()}contact/"}
    urls |= {a.get_absolute_url() for a in Activity.objects.all()}
    urls |= {e.get_absolute_url() for e in Event.objects.all()}
    urls |= {a.get_absolute_url() for a in Action.objects.all()}
    urls |= {f"/agenda/?mois={timezone.localdate():%Y-%m}", "/agenda.ics"}
    return sorted(u for u in urls if u)


def test_no_email_address_in_any_public_page_of_the_demo(client, demo):
    assert House.objects.exclude(email="").count() >= 4  # the addresses exist, hidden
    urls = public_urls()
    assert len(urls) > 30

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "mailto:" not in html, url
        assert not EMAIL.search(html), (url, EMAIL.search(html).group(0))


@pytest.mark.parametrize("phone", ["12", "06 12 34", "appelez-moi", "06 12 34 56 78 90"])
def test_a_phone_nobody_could_call_back_is_refused_at_the_field(client, house, phone):
    """The same check as every visitor's form (coop_site.relay.HoneypotFormMixin)."""
    response = client.post("/maisons/les-tilleuls/contact/", {**VALID, "email": "", "phone": phone})

    assert response.status_code == 400
    assert 'id="id_phone_error"' in response.content.decode()
    assert not ContactMessage.objects.exists()
