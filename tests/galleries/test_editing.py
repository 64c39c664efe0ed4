"""An editor adds a gallery through the CMS plugin form, as the edit mode does."""

import pytest

from galleries.models import Gallery

from .factories import make_folder, make_image, make_page

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
