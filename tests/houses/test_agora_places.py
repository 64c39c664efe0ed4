"""The AGORA's public places in the admin: an event held at one needs no other address."""

import pytest
from django.contrib.auth.models import Group

from houses.models import Event, PublicPlace
from tests.houses.factories import make_staff_house

pytestmark = pytest.mark.django_db


def team_member(django_user_model, house):
    user = django_user_model.objects.create_user("equipe", password="motdepasse", is_staff=True)
    user.groups.add(house.staff_group)
    return user


def event_form(house, **fields):
    data = {
        "title": "AGORA sur la place",
        "slug": "agora-sur-la-place",
        "organiser": house.pk,
        "theme": Event.Theme.DEBATE,
        "audience": Event.Audience.EVERYONE,
        "starts_at_0": "12/01/2027",
        "starts_at_1": "10:00",
        "ends_at_0": "12/01/2027",
        "ends_at_1": "12:00",
        "place_name": "",
        "place_address": "",
        "place_house": "",
        "public_place": "",
    }
    data.update(fields)
    return data


def test_a_team_schedules_a_session_at_a_place_and_the_agenda_shows_the_place(
    client, django_user_model, houses_pages
):
    house = make_staff_house(slug="les-ors", name="Maison des Ors")
    caf = PublicPlace.objects.create(
        name="Devant la CAF", kind=PublicPlace.Kind.PUBLIC_SERVICE, address="Avenue de la CAF"
    )
    client.force_login(team_member(django_user_model, house))

    response = client.post(
        "/admin/houses/event/add/", event_form(house, public_place=caf.pk), follow=True
    )

    assert response.status_code == 200
    event = Event.objects.get(slug="agora-sur-la-place")
    assert event.public_place == caf and event.place_label == "Devant la CAF"
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Devant la CAF" in page and "Avenue de la CAF" in page


def test_an_event_needs_a_house_a_place_of_the_agora_or_an_address_and_not_two_places(
    client, django_user_model
):
    house = make_staff_house(slug="les-ors", name="Maison des Ors")
    caf = PublicPlace.objects.create(name="Devant la CAF", kind=PublicPlace.Kind.PUBLIC_SERVICE)
    client.force_login(team_member(django_user_model, house))

    nowhere = client.post("/admin/houses/event/add/", event_form(house))
    assert "Choisissez une maison ou un lieu de l&#x27;AGORA" in nowhere.content.decode()
    both = client.post(
        "/admin/houses/event/add/", event_form(house, public_place=caf.pk, place_house=house.pk)
    )
    assert "Une séance de l&#x27;AGORA a lieu dehors" in both.content.decode()
    assert not Event.objects.exists()


def test_a_team_adds_and_corrects_a_place_but_only_the_administrators_delete_one(
    client, django_user_model
):
    house = make_staff_house(slug="les-ors", name="Maison des Ors")
    client.force_login(team_member(django_user_model, house))

    response = client.post(
        "/admin/houses/publicplace/add/",
        {"name": "Sortie de l'école Jean-Jaurès", "kind": "ecole", "order": 0},
    )
    assert response.status_code == 302
    school = PublicPlace.objects.get()
    assert client.get(f"/admin/houses/publicplace/{school.pk}/change/").status_code == 200
    assert client.get(f"/admin/houses/publicplace/{school.pk}/delete/").status_code == 403
    assert (
        Group.objects.get(name="Administrateur·rice")
        .permissions.filter(codename="delete_publicplace")
        .exists()
    )
