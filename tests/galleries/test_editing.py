"""An editor adds a gallery through the CMS plugin form, as the edit mode does."""

import re

import pytest
from cms.toolbar.utils import get_object_edit_url
from django.core.files.uploadedfile import SimpleUploadedFile
from djangocms_versioning.exceptions import ConditionFailed
from filer.models import Image

from galleries.models import Gallery

from .factories import image_bytes, make_folder, make_image, make_page, publish

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
    assert "« faux.jpg » n&#x27;est pas une photo lisible (JPEG, PNG ou WebP)." in html
    errors = re.search(r'<ul class="errorlist"[^>]*id="id_new_photos_error"', html)
    assert errors or 'aria-describedby="id_new_photos_error' in html or "errorlist" in html
    assert not Gallery.objects.exists()
    assert not Image.objects.exists()


# --- Each new photo's alt text, typed in the same form (issue 9) -------------------


def new_gallery_data(**extra):
    return {
        "title": "Fête des voisins",
        "folder_order": "filename",
        **INLINE,
        "items-0-position": "0",
        **extra,
    }


def public_alts(client, url="/galerie/"):
    html = client.get(url).content.decode()
    return re.findall(r'<img [^>]*class="gallery__image"[^>]*alt="([^"]*)"', html) or re.findall(
        r'<img [^>]*alt="([^"]*)"[^>]*class="gallery__image"', html
    )


def test_photos_sent_with_their_alt_texts_are_seen_by_the_public(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    data = new_gallery_data(
        new_photos=[photo("IMG_1.jpg"), photo("IMG_2.png", fmt="PNG")],
        new_photos_alt=["  Le buffet   sous le préau ", "La danse des enfants"],
    )

    response = client.post(add_url(content), data)

    assert response.status_code == 200 and "errorlist" not in response.content.decode()
    folder = Gallery.objects.get().folder
    images = Image.objects.filter(folder=folder).order_by("original_filename")
    assert [i.default_alt_text for i in images] == [
        "Le buffet sous le préau",
        "La danse des enfants",
    ]
    publish(content, admin_user)
    client.logout()
    assert public_alts(client) == ["Le buffet sous le préau", "La danse des enfants"]


def test_a_photo_sent_without_alt_text_waits_hidden_and_the_edit_mode_lists_it(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    data = new_gallery_data(
        new_photos=[photo("IMG_1.jpg"), photo("IMG_2.jpg")],
        new_photos_alt=["Le buffet", "   "],
    )

    client.post(add_url(content), data)

    html = client.get(get_object_edit_url(content)).content.decode()
    assert "1 image sans texte alternatif n&#x27;est pas affichée" in html or (
        "1 image sans texte alternatif n'est pas affichée" in html
    )
    assert re.search(r">\s*IMG_2\.jpg\s*</a>", html)
    with pytest.raises(ConditionFailed, match="IMG_2.jpg"):
        publish(content, admin_user)
    # A page without the gallery's hidden photo would go out: the text comes first.
    image = Image.objects.get(original_filename="IMG_2.jpg")
    image.default_alt_text = "La danse"
    image.save()
    publish(content, admin_user)
    client.logout()
    assert public_alts(client) == ["Le buffet", "La danse"]


def test_a_photo_ticked_decorative_is_shown_with_an_empty_alt(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    data = new_gallery_data(
        new_photos=[photo("IMG_1.jpg"), photo("motif.jpg")],
        new_photos_alt=["Le buffet", ""],
        new_photos_decorative=["1"],
    )

    client.post(add_url(content), data)

    gallery = Gallery.objects.get()
    assert [i.original_filename for i in gallery.decorative_images.all()] == ["motif.jpg"]
    publish(content, admin_user)
    client.logout()
    assert public_alts(client) == ["Le buffet", ""]


def test_photos_added_to_hand_picked_images_get_their_alt_text_as_items(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    chosen = make_image("choisie.jpg")
    data = new_gallery_data(
        **{
            "items-0-image": chosen.pk,
            "items-0-alt_text": "Le départ du car",
            "items-0-position": "0",
        },
        new_photos=[photo("car.jpg"), photo("frise.jpg")],
        new_photos_alt=["L'arrivée au lac", ""],
        new_photos_decorative=["1"],
    )

    client.post(add_url(content), data)

    items = Gallery.objects.get().items.all()
    assert [(i.alt_text, i.is_decorative) for i in items] == [
        ("Le départ du car", False),
        ("L'arrivée au lac", False),
        ("", True),
    ]
    publish(content, admin_user)
    client.logout()
    assert public_alts(client) == ["Le départ du car", "L&#x27;arrivée au lac", ""]


def test_photos_join_a_folder_that_still_has_images_without_alt_text(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    folder = make_folder("Atelier cuisine")
    make_image("IMG_ancienne.jpg", folder=folder, alt="")
    data = new_gallery_data(
        folder=folder.pk,
        new_photos=[photo("tarte.jpg")],
        new_photos_alt=["Une tarte aux pommes"],
    )

    response = client.post(add_url(content), data)

    # Refusing would throw the chosen photo away: the gallery is saved with it, and
    # the old image still waits for its text (the edit mode names it).
    assert "errorlist" not in response.content.decode()
    assert folder.files.get(original_filename="tarte.jpg").default_alt_text == (
        "Une tarte aux pommes"
    )
    html = client.get(get_object_edit_url(content)).content.decode()
    assert re.search(r">\s*IMG_ancienne\.jpg\s*</a>", html)


def test_a_too_long_alt_text_is_refused_at_the_field_and_says_to_choose_again(client, admin_user):
    client.force_login(admin_user)
    content = make_page(admin_user)
    data = new_gallery_data(
        new_photos=[photo("IMG_1.jpg"), photo("IMG_2.jpg")],
        new_photos_alt=["Le buffet", "x" * 300],
    )

    response = client.post(add_url(content), data)

    html = response.content.decode()
    field = re.search(r'<div class="form-row[^"]*field-new_photos.*?</div>\s*</div>', html, re.S)
    assert field, html
    assert "Le texte alternatif de « IMG_2.jpg » a 300 caractères" in field.group(0)
    assert "choisissez-les à nouveau" in field.group(0)
    # What was typed comes back to the script, which puts it back on the same files.
    typed = re.search(r'data-typed-alts="([^"]*)"', html).group(1)
    assert "Le buffet" in typed and "IMG_1.jpg" in typed
    assert not Gallery.objects.exists() and not Image.objects.exists()


def test_photos_go_only_where_the_media_library_lets_the_editor_upload(django_user_model, settings):
    from django.contrib.auth.models import Permission
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict
    from filer.models import FolderPermission

    from galleries.forms import GalleryForm

    settings.FILER_ENABLE_PERMISSIONS = True
    own, other = make_folder("Maison des Ors"), make_folder("Coopération")
    user = django_user_model.objects.create_user("ors", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="filer", codename__in=["add_file", "change_folder"]
        )
    )
    FolderPermission.objects.create(
        user=user,
        folder=own,
        type=FolderPermission.CHILDREN,
        can_read=1,
        can_edit=1,
        can_add_children=1,
    )
    form_class = type("Form", (GalleryForm,), {"user": user})

    def sent(folder):
        data = QueryDict(mutable=True)
        data.update({"title": "Fête", "folder_order": "filename"})
        if folder:
            data["folder"] = str(folder.pk)
        form = form_class(data, MultiValueDict({"new_photos": [photo("fete.jpg")]}))
        form.is_valid()
        return " ".join(form.errors.get("new_photos", []))

    assert sent(own) == ""
    assert "ne peut pas ajouter de photos dans le dossier « Coopération »" in sent(other)
    assert "ne peut pas créer de dossier" in sent(None)
