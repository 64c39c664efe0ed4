"""A photo dropped into a published gallery's folder through the media library."""

import re

import pytest
from cms.api import add_plugin
from cms.toolbar.utils import get_object_edit_url
from django.core.files.uploadedfile import SimpleUploadedFile
from djangocms_versioning.models import Version
from filer.models import Image

from .factories import add_gallery, image_bytes, make_folder, make_image, make_page, publish

pytestmark = pytest.mark.django_db


def upload_through_media_library(client, folder, filename="IMG_2024.jpg"):
    """What the media library's uploader sends for one dropped file."""
    response = client.post(
        f"/admin/filer/clipboard/operations/upload/{folder.pk}/",
        {"file": SimpleUploadedFile(filename, image_bytes(), content_type="image/jpeg")},
    )
    assert response.status_code == 200, response.content
    return Image.objects.get(pk=response.json()["file_id"])


def page_with_folder_gallery(user, *, plugin_type="GalleryPlugin", slot="content"):
    folder = make_folder("Fête de quartier")
    make_image("a-accueil.jpg", folder=folder, alt="L'accueil de la fête")
    content = make_page(user)
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "fr", body="<p>Texte avant la galerie</p>")
    add_gallery(content, plugin_type=plugin_type, title="La fête", folder=folder)
    add_plugin(placeholder, "TextPlugin", "fr", body="<p>Texte après la galerie</p>")
    publish(content, user)
    return content, folder


@pytest.mark.parametrize("plugin_type", ["GalleryPlugin", "SlideshowPlugin"])
def test_photo_uploaded_into_the_folder_keeps_the_published_page(client, admin_user, plugin_type):
    content, folder = page_with_folder_gallery(admin_user, plugin_type=plugin_type)
    client.force_login(admin_user)
    uploaded = upload_through_media_library(client, folder)
    client.logout()
    assert uploaded.default_alt_text is None  # what filer's uploader stores

    response = client.get("/galerie/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Texte avant la galerie" in html and "Texte après la galerie" in html
    assert "La fête" in html
    assert 'alt="L&#x27;accueil de la fête"' in html
    assert "IMG_2024" not in html
    assert "texte alternatif" not in html  # the notice is for editors only


def test_edit_mode_tells_which_images_are_hidden_with_a_link_to_fix_them(client, admin_user):
    content, folder = page_with_folder_gallery(admin_user)
    client.force_login(admin_user)
    uploaded = upload_through_media_library(client, folder)
    draft = Version.objects.get_for_content(content).copy(admin_user)

    html = client.get(get_object_edit_url(draft.content)).content.decode()

    assert "1 image sans texte alternatif n'est pas affichée" in html
    link = re.search(r'<a [^>]*href="([^"]+)"[^>]*>[^<]*IMG_2024\.jpg', html)
    assert link and link.group(1) == f"/admin/filer/image/{uploaded.pk}/change/"
    assert "Texte avant la galerie" in html and "Texte après la galerie" in html


def test_alt_text_typed_in_the_media_library_shows_the_photo_at_once(client, admin_user):
    content, folder = page_with_folder_gallery(admin_user)
    client.force_login(admin_user)
    uploaded = upload_through_media_library(client, folder)
    client.logout()
    assert "IMG_2024" not in client.get("/galerie/").content.decode()  # now cached

    # The media library's own change form, as the editor's link opens it.
    client.force_login(admin_user)
    response = client.post(
        f"/admin/filer/image/{uploaded.pk}/change/",
        {
            "name": "",
            "original_filename": "IMG_2024.jpg",
            "owner": admin_user.pk,
            "description": "",
            "default_alt_text": "Les enfants dansent",
            "default_caption": "",
            "author": "",
            "subject_location": "",
            "is_public": "on",
            "_continue": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()

    assert 'alt="Les enfants dansent"' in client.get("/galerie/").content.decode()
