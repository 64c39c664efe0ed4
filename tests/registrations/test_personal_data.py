"""Registrations are personal data: deleted after the retention period by a command, and
everything about one person exported or erased from the administrators' screen."""

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from associations.models import AssociationMessage, RoomRequest
from houses.models import ContactMessage
from registrations.models import Registration
from tests.associations.factories import make_association, make_room
from tests.houses.factories import make_house, make_staff_house, make_staff_user

from .factories import ask, open_activity, open_event

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ended(event, days_ago):
    """Move an event (asked for while upcoming) into the past."""
    from houses.models import Event

    end = NOW - datetime.timedelta(days=days_ago)
    Event.objects.filter(pk=event.pk).update(
        starts_at=end - datetime.timedelta(hours=2), ends_at=end
    )


def test_the_command_deletes_what_is_kept_longer_than_the_retention(settings):
    settings.COOP_REGISTRATION_RETENTION_MONTHS = 12
    house = make_house()
    old_event = open_event(house, slug="vieux")
    recent_event = open_event(house, slug="recent")
    activity = open_activity(house)
    ask(old_event, name="Ancien")
    ask(recent_event, name="Récent")
    ended(old_event, 400)
    ended(recent_event, 300)
    old_request = ask(activity, name="Vieille demande")
    ask(activity, name="Demande récente")
    Registration.objects.filter(pk=old_request.pk).update(
        updated_at=NOW - datetime.timedelta(days=370)
    )
    Registration.objects.filter(name__in=["Ancien", "Récent"]).update(
        created_at=NOW - datetime.timedelta(days=500)
    )
    out = io.StringIO()

    call_command("purge_registrations", "--dry-run", stdout=out)
    assert "2 inscription(s) seraient effacées" in out.getvalue()
    assert Registration.objects.count() == 4

    call_command("purge_registrations", stdout=out)
    assert sorted(Registration.objects.values_list("name", flat=True)) == [
        "Demande récente",
        "Récent",
    ]
    assert "2 inscription(s) effacée(s)" in out.getvalue()


def test_the_retention_comes_from_the_settings(settings):
    settings.COOP_REGISTRATION_RETENTION_MONTHS = 6
    event = open_event(make_house())
    ask(event)
    ended(event, 200)

    call_command("purge_registrations", stdout=io.StringIO())

    assert not Registration.objects.exists()


@pytest.fixture
def person_everywhere():
    """Camille wrote to a house and an association, asked for a room and a place."""
    house = make_house()
    ContactMessage.objects.create(
        house=house, name="Camille", email="Camille@Example.net", subject="Horaires", message="?"
    )
    ContactMessage.objects.create(
        house=house, name="Autre", email="autre@example.net", subject="Autre", message="!"
    )
    association = make_association(house)
    AssociationMessage.objects.create(
        association=association,
        name="Camille",
        phone="06 12 34 56 78",
        subject="Chorale",
        message="…",
    )
    RoomRequest.objects.create(
        room=make_room(house),
        starts_on=timezone.localdate(),
        starts_at=datetime.time(14),
        ends_at=datetime.time(16),
        purpose="Réunion",
        name="Camille",
        email="camille@example.net",
    )
    ask(open_activity(house, title="Couture"), name="Camille", email="camille@example.net")
    ask(open_activity(house, title="Chant"), name="Camille", email="", phone="0612345678")
    ask(open_activity(house, title="Gym"), name="Autre", email="autre@example.net")


@pytest.fixture
def administrator(client, admin_user):
    client.force_login(admin_user)
    return client


URL = "/admin/donnees-personnelles/"


def test_the_screen_shows_everything_about_one_person(administrator, person_everywhere):
    html = administrator.get(
        URL, {"email": "camille@example.net", "phone": "+33 6 12 34 56 78"}
    ).content.decode()

    # The e-mails the site sent to the person are held too (the outbox's holder).
    assert re.search(r"\d+ éléments trouvés", html)
    for label in (
        "Messages de contact (1)",
        "Messages aux associations (1)",
        "Demandes de salle (1)",
        "Inscriptions (2)",
    ):
        assert label in html
    assert "Autre" not in html.split("éléments trouvés", 1)[1]
    assert "Exporter (JSON)" in html and "Tout effacer" in html


def test_the_export_is_a_json_file(administrator, person_everywhere):
    response = administrator.post(
        URL, {"email": "camille@example.net", "phone": "", "action": "export"}
    )

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    held = data["données"]
    assert (
        len(held["Inscriptions"]) == 1
        and held["Inscriptions"][0]["activité ou événement"] == "Couture"
    )
    assert len(held["Messages de contact"]) == 1 and len(held["Demandes de salle"]) == 1


def test_erasing_asks_for_confirmation_then_erases_everything(administrator, person_everywhere):
    person = {"email": "camille@example.net", "phone": "06 12 34 56 78"}

    confirm = administrator.post(URL, {**person, "action": "erase"})
    assert "Effacer définitivement ces" in confirm.content.decode()
    assert Registration.objects.count() == 3

    response = administrator.post(URL, {**person, "action": "erase", "confirm": "1"}, follow=True)

    assert "élément(s) effacé(s) : " in response.content.decode()
    assert list(Registration.objects.values_list("name", flat=True)) == ["Autre"]
    assert list(ContactMessage.objects.values_list("name", flat=True)) == ["Autre"]
    assert not AssociationMessage.objects.exists() and not RoomRequest.objects.exists()


def test_the_screen_wants_an_e_mail_or_a_phone(administrator):
    html = administrator.get(URL, {"email": "", "phone": ""}).content.decode()

    assert "Indiquez l&#x27;e-mail ou le téléphone de la personne" in html or (
        "Indiquez l'e-mail ou le téléphone de la personne" in html
    )


def test_only_administrators_reach_the_screen(client, django_user_model):
    house = make_staff_house()
    client.force_login(make_staff_user(django_user_model, houses=[house]))

    assert client.get(URL).status_code == 403
    assert "Données d&#x27;une personne" not in client.get(reverse("admin:index")).content.decode()


def test_from_a_request_an_administrator_opens_everything_about_its_person(administrator):
    """The list's action « Données de cette personne » leads to the screen, already filled."""
    house = make_house()
    camille = ask(open_activity(house, title="Couture"), name="Camille", phone="0612345678")

    response = administrator.post(
        "/admin/registrations/registration/",
        {"action": "personal_data_action", "_selected_action": [camille.pk]},
        follow=True,
    )

    assert response.redirect_chain[-1][0].startswith(URL)
    assert "Inscriptions (1)" in response.content.decode()


def test_a_house_team_is_not_offered_the_personal_data_action(client, django_user_model):
    house = make_staff_house()
    ask(open_activity(house, title="Couture"), name="Camille", email="camille@example.net")
    client.force_login(make_staff_user(django_user_model, houses=[house]))

    listing = client.get("/admin/registrations/registration/").content.decode()
    assert "Couture" in listing
    assert "personal_data_action" not in listing
