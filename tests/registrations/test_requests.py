"""Asking for a place from an activity's or event's page: the form, the places left,
the confirmation page at once, the e-mails, and bad input refused in French."""

import datetime
import re
from html import unescape

import pytest
from django.core import mail, signing
from django.utils import timezone

from houses.models import Activity
from registrations.models import Registration
from registrations.services import registration_token
from tests.commits import committed
from tests.houses.factories import make_house

from .factories import ask, open_activity, open_event

pytestmark = pytest.mark.django_db


def valid(**fields):
    data = {
        "name": "Camille Martin",
        "phone": "",
        "email": "camille@example.net",
        "people": "2",
        "comment": "",
        "website": "",
    }
    data.update(fields)
    return data


def error(html, name):
    found = re.search(rf'id="id_{name}_error">([^<]*)<', html)
    return unescape(found.group(1)) if found else None


@pytest.fixture
def house(houses_pages):
    return make_house(slug="les-ors", name="Maison de quartier des Ors", email="ors@example.org")


@pytest.fixture
def activity(house):
    return open_activity(house, title="Atelier couture", slug="atelier-couture", places=5)


def test_the_activity_page_shows_the_places_left_and_the_form(client, activity):
    html = client.get("/activites/atelier-couture/").content.decode()

    assert "Encore 5 places" in html
    assert 'action="/inscriptions/activite/atelier-couture/"' in html
    assert 'name="people"' in html and 'name="child_age"' not in html
    assert "effacés 12 mois après" in html  # the consent sentence, near the button
    assert "csrfmiddlewaretoken" not in html  # no cookie: the page stays in the cache


def test_an_item_without_online_requests_shows_no_form(client, house):
    from tests.houses.factories import make_activity

    make_activity(house, slug="sans-demande")

    html = client.get("/activites/sans-demande/").content.decode()

    assert "Demander une place" not in html
    assert "Sans inscription : venez directement." in html


def test_a_request_within_the_places_is_confirmed_at_once(client, activity):
    response = client.post("/inscriptions/activite/atelier-couture/", valid(people="2"))

    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.people == 2 and registration.activity == activity
    assert response.status_code == 302
    assert response["Location"] == registration.get_absolute_url()
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Votre place est confirmée" in html
    assert "Atelier couture" in html and "2 personnes" in html
    assert "Annuler ma demande" in html
    assert "no-store" in page["Cache-Control"]  # a personal page, never in the cache


def test_the_person_and_the_house_get_an_e_mail(client, activity):
    client.post("/inscriptions/activite/atelier-couture/", valid())
    registration = Registration.objects.get()
    assert mail.outbox == []  # sent after the commit, by the outbox's job

    committed()

    to_person = next(m for m in mail.outbox if m.to == ["camille@example.net"])
    assert to_person.subject == "Votre place est confirmée : Atelier couture"
    assert registration.get_absolute_url() in to_person.body
    assert re.search(r"http://[^/\s]+/inscriptions/", to_person.body)  # a full address
    to_house = next(m for m in mail.outbox if m.to == ["ors@example.org"])
    assert "Demande de place : Atelier couture (Confirmée)" in to_house.subject
    assert "Places restantes : 3" in to_house.body
    assert to_house.reply_to == ["camille@example.net"]


def test_beyond_the_places_the_request_goes_on_the_waiting_list(client, activity):
    ask(activity, people=5)
    ask(activity, name="Ali", people=1)

    client.post("/inscriptions/activite/atelier-couture/", valid(people="1"))

    registration = Registration.objects.latest("pk")
    assert registration.status == Registration.Status.WAITING
    html = client.get(registration.get_absolute_url()).content.decode()
    assert "Vous êtes sur la liste d'attente (n° 2)" in unescape(html)
    committed()
    assert any(m.subject == "Liste d'attente : Atelier couture" for m in mail.outbox)


def test_the_page_shows_the_places_left_after_each_request_page_cache_on(client, activity):
    """The page cache keeps the activity's page: each request makes it fresh."""
    assert "Encore 5 places" in client.get("/activites/atelier-couture/").content.decode()
    assert "Encore 5 places" in client.get("/activites/atelier-couture/").content.decode()

    client.post("/inscriptions/activite/atelier-couture/", valid(people="4"))
    committed()
    assert "Encore 1 place<" in client.get("/activites/atelier-couture/").content.decode()

    client.post("/inscriptions/activite/atelier-couture/", valid(people="1", email="b@example.net"))
    committed()
    html = unescape(client.get("/activites/atelier-couture/").content.decode())
    assert "Complet : liste d'attente" in html

    first = Registration.objects.order_by("pk").first()
    client.post(first.get_absolute_url())
    committed()
    assert "Encore 4 places" in client.get("/activites/atelier-couture/").content.decode()


def test_the_event_page_takes_requests_too(client, house):
    open_event(house, title="Spectacle", slug="spectacle", places=1)

    html = client.get("/agenda/spectacle/").content.decode()
    assert "Encore 1 place<" in html

    client.post("/inscriptions/evenement/spectacle/", valid(people="1"))
    assert Registration.objects.get().event.slug == "spectacle"


@pytest.mark.parametrize(
    "fields,field,message",
    [
        ({"people": "0"}, "people", "Indiquez entre 1 et 10 personnes"),
        ({"people": "50"}, "people", "Indiquez entre 1 et 10 personnes"),
        ({"people": "deux"}, "people", "Indiquez entre 1 et 10 personnes"),
        ({"phone": "12", "email": ""}, "phone", "numéro de téléphone n'est pas valable"),
        ({"phone": "06 12 34", "email": ""}, "phone", "numéro de téléphone n'est pas valable"),
        ({"email": "camille@", "phone": ""}, "email", "adresse e-mail n'est pas valable"),
        ({"email": "", "phone": ""}, "email", "Indiquez un e-mail ou un téléphone"),
        ({"name": ""}, "name", "Indiquez votre nom"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_is_stored(
    client, activity, fields, field, message
):
    response = client.post("/inscriptions/activite/atelier-couture/", valid(**fields))

    assert response.status_code == 400
    html = response.content.decode()
    assert message in (error(html, field) or ""), error(html, field)
    assert 'aria-invalid="true"' in html
    assert "La demande n'est pas partie" in unescape(html)
    assert not Registration.objects.exists()


def test_a_phone_alone_is_enough(client, activity):
    response = client.post(
        "/inscriptions/activite/atelier-couture/", valid(email="", phone="+33 6 12 34 56 78")
    )

    assert response.status_code == 302
    assert Registration.objects.get().phone == "+33 6 12 34 56 78"
    committed()
    assert [m.to for m in mail.outbox] == [["ors@example.org"]]  # only the house's


def test_the_child_s_age_is_asked_and_checked_where_the_activity_has_ages(client, house):
    open_activity(house, slug="club-jeunes", age_min=11, age_max=17)

    html = client.get("/activites/club-jeunes/").content.decode()
    assert 'name="child_age"' in html

    response = client.post("/inscriptions/activite/club-jeunes/", valid(child_age="8"))
    assert response.status_code == 400
    assert "accueille les enfants de 11 à 17 ans" in error(response.content.decode(), "child_age")
    response = client.post("/inscriptions/activite/club-jeunes/", valid(child_age=""))
    assert "Indiquez l'âge de l'enfant" in error(response.content.decode(), "child_age")
    assert not Registration.objects.exists()

    client.post("/inscriptions/activite/club-jeunes/", valid(child_age="12"))
    assert Registration.objects.get().child_age == 12


def test_an_activity_for_adults_asks_no_child_s_age(client, house):
    open_activity(house, slug="gym-seniors", age_min=60)

    assert 'name="child_age"' not in client.get("/activites/gym-seniors/").content.decode()


@pytest.mark.parametrize(
    "change",
    [
        {"accepts_requests": False},
        {"status": Activity.Status.FINISHED},
    ],
)
def test_an_activity_that_takes_no_request_refuses_and_stores_nothing(client, activity, change):
    Activity.objects.filter(pk=activity.pk).update(**change)

    response = client.post("/inscriptions/activite/atelier-couture/", valid())

    assert response.status_code == 409
    assert "ne prend pas de demandes en ligne" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_cancelled_or_past_event_refuses_requests(client, house):
    past = timezone.now() - datetime.timedelta(days=3)
    open_event(house, slug="passe", starts_at=past)
    open_event(house, slug="annule", is_cancelled=True)

    for slug in ("passe", "annule"):
        response = client.post(f"/inscriptions/evenement/{slug}/", valid())
        assert response.status_code == 409
    assert client.post("/inscriptions/evenement/inconnu/", valid()).status_code == 404
    assert not Registration.objects.exists()


def test_a_form_sent_from_another_site_is_refused(client, activity):
    response = client.post(
        "/inscriptions/activite/atelier-couture/", valid(), HTTP_ORIGIN="https://ailleurs.example"
    )

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_a_robot_filling_the_trap_is_refused(client, activity):
    response = client.post("/inscriptions/activite/atelier-couture/", valid(website="http://x"))

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_tampered_link_is_a_french_404(client, activity):
    registration = ask(activity)
    token = registration_token(registration)

    response = client.get(f"/inscriptions/{token[:-2]}xx/")
    assert response.status_code == 404
    assert "Ce lien n'est pas valable" in unescape(response.content.decode())
    forged = signing.Signer(salt="autre chose").sign(str(registration.pk))
    assert client.post(f"/inscriptions/{forged}/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_link_expires_when_its_event_is_over(client, house):
    event = open_event(house, slug="bientot")
    registration = ask(event)
    event.starts_at = timezone.now() - datetime.timedelta(hours=3)
    event.ends_at = timezone.now() - datetime.timedelta(hours=1)
    event.save()

    response = client.post(registration.get_absolute_url())

    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_the_person_cancels_from_the_link(client, activity):
    registration = ask(activity, people=2)
    url = registration.get_absolute_url()

    html = client.get(url).content.decode()
    assert "Annuler ma demande" in html

    response = client.post(url)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert registration.cancelled_at is not None
    html = client.get(response["Location"]).content.decode()
    assert "votre demande est annulée" in html
    assert "Annuler ma demande" not in html


def test_the_activity_s_badge_says_complet_when_the_last_place_goes_and_not_after(client, activity):
    """The catalogue's card shows the activity's state: it follows the places of the form."""
    ask(activity, people=5)
    activity.refresh_from_db()
    assert activity.status == Activity.Status.FULL
    committed()
    card = unescape(client.get("/activites/").content.decode())
    assert "Atelier couture" in card
    assert "Complet" in card.split("Atelier couture", 1)[1].split("</article>", 1)[0]

    client.post(Registration.objects.get().get_absolute_url())
    activity.refresh_from_db()
    assert activity.status == Activity.Status.OPEN
