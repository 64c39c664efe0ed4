"""The associations in the admin: in French, each house's team on its own house only."""

import pytest
from django.contrib.auth import get_user_model

from associations.models import Association, AssociationMessage
from tests.houses.factories import make_staff_house, make_staff_user

from .factories import make_association

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_houses():
    return make_staff_house(short_name="Alpha"), make_staff_house(short_name="Bêta")


def form(house, **fields):
    data = {
        "name": "Club de lecture",
        "slug": "club-de-lecture",
        "field": "culture",
        "house": house.pk,
        "offer": "Un livre par mois, lu et discuté ensemble.",
        "email": "lecture@example.net",
    }
    data.update(fields)
    return data


def field_errors(response, name):
    return response.context["adminform"].form.errors.get(name, [])


def test_a_team_sees_and_changes_only_its_house_s_associations(client, two_houses):
    alpha, beta = two_houses
    ours = make_association(alpha, name="Chorale Alpha")
    theirs = make_association(beta, name="Théâtre Bêta")
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    listing = client.get("/admin/associations/association/").content.decode()
    assert "Chorale Alpha" in listing and "Théâtre Bêta" not in listing
    assert client.get(f"/admin/associations/association/{ours.pk}/change/").status_code == 200
    assert client.get(f"/admin/associations/association/{theirs.pk}/change/").status_code == 403
    assert (
        client.post(
            f"/admin/associations/association/{theirs.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Association.objects.filter(pk=theirs.pk).exists()


def test_a_team_cannot_put_an_association_in_another_house(client, two_houses):
    alpha, beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    response = client.post("/admin/associations/association/add/", form(beta))

    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in field_errors(response, "house")[0]
    assert client.post("/admin/associations/association/add/", form(alpha)).status_code == 302
    assert Association.objects.get().house == alpha


def test_the_admin_refuses_bad_input_in_french_at_the_field(admin_client, two_houses):
    alpha, _beta = two_houses

    response = admin_client.post(
        "/admin/associations/association/add/",
        form(alpha, email="pas-une-adresse", field="astronomie", offer=""),
    )

    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in field_errors(response, "email")
    assert "Sélectionnez un choix valide" in field_errors(response, "field")[0]
    assert "Ce champ est obligatoire." in field_errors(response, "offer")
    assert not Association.objects.exists()


def test_a_team_reads_its_associations_messages_only_and_never_writes_one(client, two_houses):
    alpha, beta = two_houses
    ours = AssociationMessage.objects.create(
        association=make_association(alpha),
        name="A",
        email="a@example.net",
        subject="Pour Alpha",
        message="…",
    )
    theirs = AssociationMessage.objects.create(
        association=make_association(beta),
        name="B",
        email="b@example.net",
        subject="Pour Bêta",
        message="…",
    )
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    listing = client.get("/admin/associations/associationmessage/").content.decode()
    assert "Pour Alpha" in listing and "Pour Bêta" not in listing
    assert (
        client.get(f"/admin/associations/associationmessage/{ours.pk}/change/").status_code == 200
    )
    url = f"/admin/associations/associationmessage/{theirs.pk}/change/"
    assert client.get(url).status_code == 403
    assert client.get("/admin/associations/associationmessage/add/").status_code == 403
