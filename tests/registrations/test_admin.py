"""Staff handle their house's requests: the list, a status changed from it, the CSV and the
attendance sheet in two clicks from the activity; another house's requests answer 403."""

from html import unescape

import pytest
from django.core import mail
from django.urls import reverse

from registrations.models import Registration
from tests.commits import committed
from tests.houses.factories import make_staff_house, make_staff_user

from .factories import ask, open_activity, open_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model):
    own = make_staff_house(name="Maison des Ors", short_name="Les Ors", slug="les-ors")
    other = make_staff_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas")
    activity = open_activity(own, title="Atelier couture", slug="atelier-couture", places=3)
    other_event = open_event(other, title="Fête de Saint-Nicolas", places=10)
    return {
        "own": own,
        "other": other,
        "activity": activity,
        "other_event": other_event,
        "user": make_staff_user(django_user_model, houses=[own]),
    }


def test_a_team_sees_its_own_requests_and_gets_403_on_another_house_s(client, world):
    mine = ask(world["activity"], name="Zoé Petit")
    theirs = ask(world["other_event"], name="Bob Autre")
    client.force_login(world["user"])

    listing = client.get(reverse("admin:registrations_registration_changelist")).content.decode()
    assert "Zoé Petit" in listing and "Bob Autre" not in listing
    assert (
        client.get(reverse("admin:registrations_registration_change", args=[mine.pk])).status_code
        == 200
    )
    other_url = reverse("admin:registrations_registration_change", args=[theirs.pk])
    assert client.get(other_url).status_code == 403
    sheet = reverse(
        "admin:registrations_registration_sheet", args=["evenement", world["other_event"].pk]
    )
    assert client.get(sheet).status_code == 403
    csv_url = reverse(
        "admin:registrations_registration_csv", args=["evenement", world["other_event"].pk]
    )
    assert client.get(csv_url).status_code == 403


def test_an_event_hosted_by_the_house_is_the_team_s_too(client, world):
    hosted = open_event(world["other"], place_house=world["own"], slug="hebergee")
    registration = ask(hosted)
    client.force_login(world["user"])

    url = reverse("admin:registrations_registration_change", args=[registration.pk])
    assert client.get(url).status_code == 200


def test_a_status_changed_from_the_list_promotes_and_tells_the_one_waiting(client, world):
    activity = world["activity"]
    first = ask(activity, people=3)
    waiting = ask(activity, name="Ali", email="ali@example.net")
    committed()
    mail.outbox.clear()
    client.force_login(world["user"])
    url = reverse("admin:registrations_registration_changelist")
    rows = list(Registration.objects.order_by("pk"))
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": str(rows[0].pk),
        "form-0-status": "annulee",
        "form-1-id": str(rows[1].pk),
        "form-1-status": "attente",
        "_save": "Enregistrer",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    committed()
    assert [m.to for m in mail.outbox] == [["ali@example.net"]]


def test_the_activity_s_page_links_to_its_list_sheet_and_csv(client, world):
    ask(world["activity"])
    client.force_login(world["user"])

    html = client.get(
        reverse("admin:houses_activity_change", args=[world["activity"].pk])
    ).content.decode()

    assert "Liste des inscrits (1)" in html
    assert (
        reverse("admin:registrations_registration_sheet", args=["activite", world["activity"].pk])
        in html
    )
    assert "Feuille d'émargement" in unescape(html)


def test_the_csv_opens_in_excel(client, world):
    activity = world["activity"]
    ask(activity, name="Zoé Petit", phone="06 12 34 56 78", people=2, comment="Végétarienne; merci")
    ask(activity, name="Anne Durand", email="anne@example.net")
    ask(activity, name="Ali Ben", people=2)
    client.force_login(world["user"])

    response = client.get(
        reverse("admin:registrations_registration_csv", args=["activite", activity.pk])
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "inscriptions-atelier-couture" in response["Content-Disposition"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    lines = content.lstrip("\ufeff").splitlines()
    assert lines[0] == (
        "Nom;Téléphone;E-mail;Personnes;Âge de l'enfant;État;Rang sur la liste d'attente;"
        "Commentaire;Demandée le"
    )
    assert lines[1].startswith("Anne Durand;;anne@example.net;1;;Confirmée;;")
    assert lines[2].startswith(
        'Zoé Petit;06 12 34 56 78;camille@example.net;2;;Confirmée;;"Végétarienne; merci"'
    )
    assert lines[3].startswith("Ali Ben;;camille@example.net;2;;Liste d'attente;1;")


def test_the_attendance_sheet_lists_who_comes_by_name_with_a_box_to_tick(client, world):
    activity = world["activity"]
    ask(activity, name="Zoé Petit", phone="06 12 34 56 78", people=2)
    ask(activity, name="Anne Durand")
    ask(activity, name="Ali Ben", people=3)
    client.force_login(world["user"])

    response = client.get(
        reverse("admin:registrations_registration_sheet", args=["activite", activity.pk])
    )

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Feuille d'émargement : Atelier couture" in html
    assert "Maison des Ors" in html and "Lundi" in html
    assert (
        html.index("Anne Durand")
        < html.index("Zoé Petit")
        < html.index("Liste d'attente")
        < html.index("Ali Ben")
    )
    assert "Présent·e" in html and "06 12 34 56 78" in html
    assert "3 personnes" in html and "pour 3 places" in html
    assert "registrations/attendance.css" in html  # the print styles


def test_the_admin_action_opens_the_sheet_of_the_rows_item(client, world):
    registration = ask(world["activity"])
    client.force_login(world["user"])

    response = client.post(
        reverse("admin:registrations_registration_changelist"),
        {"action": "attendance_sheet_action", "_selected_action": [registration.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:registrations_registration_sheet", args=["activite", world["activity"].pk]
    )


def activity_form(page, world, **changes):
    """The activity's change form as the page filled it, requests on, with `changes`."""
    form = page.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("houses",)
    }
    data.update(
        houses=[world["own"].pk],
        accepts_requests="on",
        weekday="0",
        category="adultes",
        status="places",
        price_kind="gratuit",
        **changes,
    )
    return data


def test_online_requests_need_a_number_of_places(client, world):
    client.force_login(world["user"])
    activity = world["activity"]
    url = reverse("admin:houses_activity_change", args=[activity.pk])
    page = client.get(url)
    data = activity_form(page, world, places="")

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        "Indiquez le nombre de places pour ouvrir les demandes en ligne"
        in response.content.decode()
    )


def test_more_places_set_by_the_team_go_at_once_to_those_waiting(client, world):
    activity = world["activity"]  # 3 places
    ask(activity, name="Ana", people=3)
    waiting = ask(activity, name="Bruno", email="bruno@example.net", people=2)
    assert waiting.status == Registration.Status.WAITING
    committed()
    mail.outbox.clear()
    client.force_login(world["user"])
    url = reverse("admin:houses_activity_change", args=[activity.pk])
    data = activity_form(client.get(url), world, places="5")

    assert client.post(url, data).status_code == 302
    committed()

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert [message.to for message in mail.outbox if "Bruno" in message.body] == [
        ["bruno@example.net"]
    ]
