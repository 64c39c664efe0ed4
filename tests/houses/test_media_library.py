"""Each house's team fills its own folder of the media library, and writes its presentation.

Uploads go through filer's own uploader (the URL the file widget posts to),
plugins through django CMS's add-plugin URL, as in the browser.
"""

import io
import json
from urllib.parse import urlencode

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from djangocms_text.models import Text
from filer.models import File, Folder
from PIL import Image

from houses.media import house_folder

from .factories import make_staff_house, make_staff_user

pytestmark = pytest.mark.django_db

NO_FOLDER = "/admin/filer/clipboard/operations/upload/no_folder/"


def folder_url(folder):
    return f"/admin/filer/clipboard/operations/upload/{folder.pk}/"


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def upload(client, url, name="photo.png"):
    response = client.post(url, {"file": png(name)})
    return response.status_code, json.loads(response.content or b"{}")


@pytest.fixture
def houses():
    return (
        make_staff_house(name="Maison de quartier des Ors", short_name="Les Ors"),
        make_staff_house(name="Maison de quartier Saint-Nicolas", short_name="Saint-Nicolas"),
    )


@pytest.fixture
def team_client(client, django_user_model, houses):
    client.force_login(make_staff_user(django_user_model, houses=[houses[0]]))
    return client


def test_each_house_gets_its_own_folder_named_after_it(houses):
    ors, nicolas = houses

    assert house_folder(ors).name == "Maison de quartier des Ors"
    assert house_folder(nicolas).name == "Maison de quartier Saint-Nicolas"
    assert house_folder(ors) != house_folder(nicolas)


def test_a_team_uploads_into_its_house_folder_only(team_client, houses):
    ors, nicolas = houses

    status, data = upload(team_client, folder_url(house_folder(ors)), "ors.png")
    assert status == 200
    assert File.objects.get(pk=data["file_id"]).folder == house_folder(ors)

    status, _data = upload(team_client, folder_url(house_folder(nicolas)), "intrus.png")
    assert status == 403
    assert not File.objects.filter(original_filename="intrus.png").exists()


def test_a_team_upload_without_folder_lands_in_its_house_folder_never_unsorted(team_client, houses):
    ors, nicolas = houses
    # Even after opening another house's folder in the library.
    session = team_client.session
    session["filer_last_folder_id"] = house_folder(nicolas).pk
    session.save()

    status, data = upload(team_client, NO_FOLDER, "sans-dossier.png")

    assert status == 200
    assert File.objects.get(pk=data["file_id"]).folder == house_folder(ors)
    assert not File.objects.filter(folder__isnull=True).exists()


def test_a_team_opening_unsorted_uploads_lands_in_its_house_folder(team_client, houses):
    ors, _nicolas = houses

    response = team_client.get(reverse("admin:filer-directory_listing-unfiled_images"), follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "admin:filer-directory_listing", args=[house_folder(ors).pk]
    )
    html = response.content.decode()
    assert "Les fichiers de votre équipe sont rangés dans le dossier" in html


def test_an_editor_still_opens_unsorted_uploads(client, django_user_model, houses):
    client.force_login(make_staff_user(django_user_model, groups=["Éditeur·rice"]))

    response = client.get(reverse("admin:filer-directory_listing-unfiled_images"))

    assert response.status_code == 200


def test_a_team_sees_only_its_folder_in_the_library(team_client, houses):
    ors, nicolas = houses

    response = team_client.get(reverse("admin:filer-directory_listing-root"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Maison de quartier des Ors" in html
    assert "Maison de quartier Saint-Nicolas" not in html


def test_a_team_sets_its_house_photo_from_its_folder_and_the_public_page_shows_it(
    team_client, houses, houses_pages
):
    ors, _nicolas = houses
    _status, data = upload(team_client, NO_FOLDER, "facade-des-ors.png")
    url = reverse("admin:houses_house_change", args=[ors.pk])
    form = team_client.get(url)
    assert 'name="photo"' in form.content.decode()  # the field is offered to the team

    response = team_client.post(
        url,
        {
            "tagline": "Au cœur du quartier",
            "phone": "04 75 00 00 00",
            "email": "ors@example.org",
            "photo": str(data["file_id"]),
            "opening_hours-TOTAL_FORMS": "0",
            "opening_hours-INITIAL_FORMS": "0",
            "closures-TOTAL_FORMS": "0",
            "closures-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    ors.refresh_from_db()
    assert ors.photo.original_filename == "facade-des-ors.png"
    page = team_client.get(ors.get_absolute_url())
    assert "facade-des-ors" in page.content.decode()


def test_an_editor_still_uploads_anywhere(client, django_user_model, houses):
    ors, _nicolas = houses
    client.force_login(make_staff_user(django_user_model, groups=["Éditeur·rice"]))
    gallery = Folder.objects.create(name="Galerie créée par un·e collègue")

    assert upload(client, folder_url(house_folder(ors)))[0] == 200
    assert upload(client, folder_url(gallery))[0] == 200
    status, data = upload(client, NO_FOLDER, "sans-dossier.png")
    assert status == 200
    assert File.objects.get(pk=data["file_id"]).folder is None


def test_the_evaluation_officer_has_no_media_library(client, django_user_model, houses):
    ors, _nicolas = houses
    client.force_login(make_staff_user(django_user_model, groups=["Chargé·e d'évaluation"]))

    assert upload(client, NO_FOLDER)[0] == 403
    assert upload(client, folder_url(house_folder(ors)))[0] == 403
    assert not File.objects.exists()


# --- The house's presentation --------------------------------------------------


def add_plugin_url(placeholder):
    query = {
        "placeholder_id": placeholder.pk,
        "plugin_type": "TextPlugin",
        "plugin_language": "fr",
        "plugin_position": 1,
    }
    return reverse("admin:cms_placeholder_add_plugin") + "?" + urlencode(query)


def presentation_of(house):
    return house.presentation  # created on first use, as on the house's page


def test_a_team_writes_its_own_house_presentation(team_client, houses, houses_pages):
    ors, _nicolas = houses
    # The toolbar's « Écrire la présentation » link: the house page in edit mode.
    edit = team_client.get(get_object_edit_url(ors))
    assert edit.status_code == 200
    assert f'"placeholder_id": "{presentation_of(ors).pk}"' in edit.content.decode() or (
        f"cms-placeholder-{presentation_of(ors).pk}" in edit.content.decode()
    )
    url = add_plugin_url(presentation_of(ors))

    assert team_client.get(url).status_code == 200
    response = team_client.post(url, {"body": "<p>Bienvenue aux Ors !</p>"})

    assert response.status_code == 200
    text = Text.objects.get(placeholder__slot="presentation")
    assert "Bienvenue aux Ors" in text.body
    assert text.placeholder.source == ors


def test_a_team_cannot_write_another_house_presentation_nor_a_page(
    team_client, houses, django_user_model
):
    _ors, nicolas = houses
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "x")
    page = create_page("Une page", "pages/one_column.html", "fr", slug="une", created_by=admin)
    content = PageContent.admin_manager.get(page=page, language="fr")

    assert team_client.get(add_plugin_url(presentation_of(nicolas))).status_code == 403
    page_placeholder = content.get_placeholders().get(slot="content")
    assert team_client.get(add_plugin_url(page_placeholder)).status_code == 403
    assert not Text.objects.exists()


def test_the_coop_wide_group_fills_every_house_folder(client, django_user_model, houses):
    from houses.services import cooperation_group_ensure

    cooperation_group_ensure()
    ors, nicolas = houses
    user = make_staff_user(django_user_model)
    user.groups.add(Group.objects.get(name="Équipe Coopération (toutes les maisons)"))
    client.force_login(user)

    assert upload(client, folder_url(house_folder(ors)))[0] == 200
    assert upload(client, folder_url(house_folder(nicolas)))[0] == 200
