"""An editor adds a gallery through the CMS plugin form, as the edit mode does."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import Image

from galleries.models import Gallery

from .factories import image_bytes, make_folder, make_image, make_page

pytestmark = pytest.mark.django_db


def add_url(content, plugin_type="GalleryPlugin"):
    placeholder = content.get_placeholders().get(slot="content")
    return (
        f"/admin/cms/placeholder/add-plugin/?placeholder_id={placeholder.pk}"
        f"&plugin_type={plugin_type}&plugin_language=fr&plugin_position=1&cms_path=/galerie/"
    )


INLINE = {
    "items-TOTAL_FORMS": "1",
    "items-INITIAL_FORMS": "0",
    "items-MIN_NUM_FORMS": "0",
    "items-MAX_NUM_FORMS": "1000",
}


def test_plugin_form_shows_folder_and_hand_picked_images(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)

    html = client.get(add_url(content)).content.decode()

    assert "Images d&#x27;un dossier de la médiathèque" in html
    assert "images choisies une à une" in html.lower()
    assert 'name="items-0-alt_text"' in html


def test_a_hand_picked_image_without_alt_text_is_refused(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    image = make_image("fete.jpg", alt="")
    data = {
        "title": "Fête",
        "folder_order": "filename",
        **INLINE,
        "items-0-image": image.pk,
        "items-0-alt_text": "",
        "items-0-position": "0",
    }

    response = client.post(add_url(content), data)

    assert "Donnez un texte alternatif, ou cochez « image décorative »." in (
        response.content.decode()
    )
    assert not Gallery.objects.exists()

    data["items-0-is_decorative"] = "on"
    client.post(add_url(content), data)
    gallery = Gallery.objects.get()
    assert gallery.items.get().alt == ""


def test_a_folder_gallery_is_saved_with_its_decorative_choice(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    folder = make_folder()
    motif = make_image("motif.jpg", folder=folder, alt="")
    # The empty extra inline form comes back as the browser sends it: untouched.
    data = {
        "title": "",
        "folder": folder.pk,
        "folder_order": "newest",
        **INLINE,
        "items-0-position": "0",
    }

    refused = client.post(add_url(content), data)
    assert "« motif.jpg »" in refused.content.decode()

    client.post(add_url(content), {**data, "decorative_images": [motif.pk]})
    gallery = Gallery.objects.get()
    assert list(gallery.decorative_images.all()) == [motif]


def photo(name, colour="#0d5c63", fmt="JPEG"):
    return SimpleUploadedFile(name, image_bytes(colour=colour, fmt=fmt), content_type="image/jpeg")


def test_the_form_offers_a_visible_button_to_add_several_photos(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)

    html = client.get(add_url(content)).content.decode()

    assert 'enctype="multipart/form-data"' in html
    field = re.search(r'<input type="file" name="new_photos"[^>]*>', html).group(0)
    assert "multiple" in field and 'id="id_new_photos"' in field
    assert re.search(r'<label[^>]*for="id_new_photos"[^>]*>Ajouter des photos</label>', html)


def test_photos_added_from_the_form_go_to_a_new_folder_named_after_the_gallery(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    data = {
        "title": "Fête des voisins",
        "folder_order": "filename",
        **INLINE,
        "items-0-position": "0",
        "new_photos": [photo("IMG_1.jpg"), photo("IMG_2.png", fmt="PNG")],
    }

    response = client.post(add_url(content), data)

    assert response.status_code == 200 and "errorlist" not in response.content.decode()
    gallery = Gallery.objects.get()
    assert gallery.folder.name == "Fête des voisins"
    images = Image.objects.filter(folder=gallery.folder).order_by("original_filename")
    assert [i.original_filename for i in images] == ["IMG_1.jpg", "IMG_2.png"]
    assert all(i.owner == admin_user and i.is_public and i.width == 1200 for i in images)
    assert [i.default_alt_text for i in images] == [None, None]  # the editor types them next


def test_photos_added_to_a_folder_gallery_join_its_folder(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    folder = make_folder("Atelier cuisine")
    make_image("deja-la.jpg", folder=folder, alt="Une photo déjà là")
    data = {
        "title": "",
        "folder": folder.pk,
        "folder_order": "filename",
        **INLINE,
        "items-0-position": "0",
        "new_photos": [photo("nouvelle.jpg")],
    }

    client.post(add_url(content), data)

    assert Gallery.objects.get().folder == folder
    assert sorted(folder.files.values_list("original_filename", flat=True)) == [
        "deja-la.jpg",
        "nouvelle.jpg",
    ]


def test_photos_added_to_hand_picked_images_become_new_items(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    chosen = make_image("choisie.jpg")
    data = {
        "title": "Sortie",
        "folder_order": "filename",
        **INLINE,
        "items-0-image": chosen.pk,
        "items-0-alt_text": "Le départ du car",
        "items-0-position": "0",
        "new_photos": [photo("car.jpg")],
    }

    client.post(add_url(content), data)

    gallery = Gallery.objects.get()
    assert gallery.folder is None
    assert [item.image.original_filename for item in gallery.items.all()] == [
        "choisie.jpg",
        "car.jpg",
    ]


def test_a_file_that_is_not_a_photo_is_refused_at_the_field(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    data = {
        "title": "Fête",
        "folder_order": "filename",
        **INLINE,
        "items-0-position": "0",
        "new_photos": [
            photo("vraie.jpg"),
            SimpleUploadedFile("faux.jpg", b"%PDF-1.4 pas une image", content_type="image/jpeg"),
        ],
    }

    response = client.post(add_url(content), data)

    html = response.content.decode()
    assert "« faux.jpg » n&#x27;est pas une photo lisible (JPEG, PNG, GIF ou WebP)." in html
    errors = re.search(r'<ul class="errorlist"[^>]*id="id_new_photos_error"', html)
    assert errors or 'aria-describedby="id_new_photos_error' in html or "errorlist" in html
    assert not Gallery.objects.exists()
    assert not Image.objects.exists()
