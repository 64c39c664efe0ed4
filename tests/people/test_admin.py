"""The admin of the people: French messages at the field, each team its own house only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from people.models import Person, ProjectGroup
from tests.galleries.factories import make_image
from tests.houses.factories import make_staff_house, make_staff_user
from tests.roles.html_forms import form_data

from .factories import make_group, make_person

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/people/person/add/"


@pytest.fixture
def two_houses():
    return (
        make_staff_house(name="Maison de quartier des Ors", short_name="Les Ors"),
        make_staff_house(name="Maison Citoyenne Noël Guichard", short_name="Noël Guichard"),
    )


def person_data(house, **fields):
    return {
        "display_name": "Camille",
        "role": "Référente famille",
        "house": house.pk if house else "",
        "kind": Person.Kind.STAFF,
        "order": 0,
        "phone_extension": "",
        "alt_text": "",
        **fields,
    }


def test_a_photo_without_alt_text_is_refused_in_french_at_the_field(admin_client, two_houses):
    ors, _ = two_houses
    photo = make_image(alt="")

    response = admin_client.post(ADD_URL, person_data(ors, photo=photo.pk))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["alt_text"] == ["Donnez un texte alternatif, ou cochez « image décorative »."]
    assert not Person.objects.exists()

    response = admin_client.post(
        ADD_URL, person_data(ors, photo=photo.pk, alt_text="Camille, souriante, à l'accueil")
    )
    assert response.status_code == 302
    assert Person.objects.get().alt == "Camille, souriante, à l'accueil"


def test_without_a_photo_no_alt_text_is_asked(admin_client, two_houses):
    ors, _ = two_houses

    assert admin_client.post(ADD_URL, person_data(ors)).status_code == 302


@pytest.mark.parametrize("extension", ["12a", "+33 4", "1234567", "-1"])
def test_a_phone_extension_is_digits_only(admin_client, two_houses, extension):
    ors, _ = two_houses

    response = admin_client.post(ADD_URL, person_data(ors, phone_extension=extension))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["phone_extension"]
    assert any(e.startswith("Le poste s'écrit en chiffres seulement") for e in errors) or any(
        "caractères" in e for e in errors
    ), errors
    assert not Person.objects.exists()


def test_the_form_has_no_email_field_and_says_why(admin_client):
    html = admin_client.get(ADD_URL).content.decode()

    assert "email" not in {field.name for field in Person._meta.get_fields()}
    assert (
        "Jamais d&#x27;adresse e-mail personnelle" in html
        or "Jamais d'adresse e-mail personnelle" in html
    )
    assert "Prénom et nom, ou prénom seul" in html


def test_a_team_sees_and_changes_its_own_house_s_people_only(client, two_houses):
    ors, noel = two_houses
    ours = make_person(ors, display_name="Dominique", role="Directrice")
    theirs = make_person(noel, display_name="Sacha", role="Président")
    cooperation = make_person(None, display_name="Alex", role="Coordinatrice")
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))

    listing = client.get("/admin/people/person/").content.decode()
    assert "Dominique" in listing
    assert "Sacha" not in listing and "Alex" not in listing
    assert client.get(f"/admin/people/person/{ours.pk}/change/").status_code == 200
    assert client.get(f"/admin/people/person/{theirs.pk}/change/").status_code == 403
    assert client.get(f"/admin/people/person/{cooperation.pk}/change/").status_code == 403
    assert (
        client.post(f"/admin/people/person/{theirs.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert Person.objects.filter(pk=theirs.pk).exists()


def test_a_team_adds_people_to_its_own_house_only(client, two_houses):
    ors, noel = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))

    html, data = change_form(client, ADD_URL, "person_form")
    assert f'value="{noel.pk}"' not in html.split('name="house"')[1].split("</select>")[0]

    refused = client.post(ADD_URL, person_data(noel))
    assert refused.status_code == 200
    assert "house" in refused.context["adminform"].form.errors
    # No house means the Coopération's: out of the team's reach, so not allowed.
    empty = client.post(ADD_URL, person_data(None))
    assert empty.context["adminform"].form.errors["house"] == ["Ce champ est obligatoire."]

    assert client.post(ADD_URL, person_data(ors)).status_code == 302
    assert Person.objects.get().house == ors


def test_editors_manage_the_people_of_every_house_and_of_the_cooperation(client, two_houses):
    ors, noel = two_houses
    editor = get_user_model().objects.create_user("redac", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeur·rice"))
    people = [make_person(ors), make_person(noel), make_person(None)]
    client.force_login(editor)

    for person in people:
        assert client.get(f"/admin/people/person/{person.pk}/change/").status_code == 200
    assert client.post(ADD_URL, person_data(None)).status_code == 302
    assert Person.objects.filter(house__isnull=True).count() == 2


def change_form(client, url, form_id):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), form_data(response.content.decode(), form_id)


def test_a_team_saving_a_shared_project_group_keeps_the_other_house(client, two_houses):
    ors, noel = two_houses
    group = make_group(ors, noel, name="Groupe projet Mobilité")
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))
    url = f"/admin/people/projectgroup/{group.pk}/change/"

    html, data = change_form(client, url, "projectgroup_form")
    assert data["houses"] == [str(ors.pk)]
    assert "Aussi groupe de : Maison Citoyenne Noël Guichard (gérée par son équipe)" in html

    response = client.post(url, {**data, "description": "Covoiturage vers le marché."})

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.description == "Covoiturage vers le marché."
    assert set(group.houses.all()) == {ors, noel}
    # Deleting it would take it from the other house too.
    assert (
        client.post(f"/admin/people/projectgroup/{group.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )


def test_a_team_does_not_reach_another_house_s_project_group(client, two_houses):
    ors, noel = two_houses
    theirs = make_group(noel, name="Groupe Culture")
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))

    assert "Groupe Culture" not in client.get("/admin/people/projectgroup/").content.decode()
    assert client.get(f"/admin/people/projectgroup/{theirs.pk}/change/").status_code == 403
    assert ProjectGroup.objects.filter(pk=theirs.pk).exists()


def test_the_roles_come_from_the_migrations(two_houses):
    ors, _ = two_houses
    team = set(ors.staff_group.permissions.values_list("codename", flat=True))
    editors = set(
        Group.objects.get(name="Éditeur·rice").permissions.values_list("codename", flat=True)
    )

    assert {"add_person", "change_person", "add_projectgroup"} <= team
    assert "manage_all_people" not in team
    assert {"change_person", "change_projectgroup", "manage_all_people"} <= editors
