"""The gallery and slideshow plugins as a visitor receives them."""

import os
import re

import pytest
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from galleries.forms import GalleryForm

from .factories import add_gallery, make_folder, make_image, make_page, publish

pytestmark = pytest.mark.django_db


def _items(*images, **extra):
    return [{"image": image, "alt_text": f"Photo {n}", **extra} for n, image in enumerate(images)]


def test_gallery_sends_webp_and_jpeg_srcsets_with_dimensions(client, admin_user):
    images = [make_image(f"photo-{n}.jpg") for n in range(5)]
    content = make_page(admin_user)
    add_gallery(content, title="Le chantier", items=_items(*images))
    publish(content, admin_user)

    response = client.get("/galerie/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h2" in html and "Le chantier" in html
    webp_sources = re.findall(r'<source type="image/webp" srcset="([^"]+)"', html)
    assert len(webp_sources) == 5
    assert webp_sources[0].count(".webp ") == 3  # three widths
    imgs = re.findall(r"<img [^>]+>", html)
    gallery_imgs = [tag for tag in imgs if "gallery__image" in tag]
    assert len(gallery_imgs) == 5
    for tag in gallery_imgs:
        assert re.search(r'width="\d+" height="\d+"', tag)
        assert re.search(r'srcset="[^"]+\.jpg 320w, [^"]+\.jpg 480w, [^"]+\.jpg 720w"', tag)
    # The first row loads at once, the rest lazily.
    assert ["loading" in tag for tag in gallery_imgs] == [False, False, False, True, True]
    assert 'alt="Photo 0"' in html


def test_originals_are_never_sent(client, admin_user):
    image = make_image("grande.jpg", size=(2400, 1600))
    content = make_page(admin_user)
    add_gallery(content, items=_items(image))
    publish(content, admin_user)

    html = client.get("/galerie/").content.decode()

    assert image.url not in html
    large = re.search(r'class="gallery__link" href="([^"]+)"', html).group(1)
    assert large.endswith(".jpg") and large != image.url
    assert 'data-width="1600"' in html


def test_decorative_image_renders_empty_alt(client, admin_user):
    image = make_image("deco.jpg")
    content = make_page(admin_user)
    add_gallery(content, items=[{"image": image, "is_decorative": True}])
    publish(content, admin_user)

    html = client.get("/galerie/").content.decode()

    tag = re.search(r"<img [^>]*gallery__image[^>]*>", html).group(0)
    assert 'alt=""' in tag


def test_publishing_refused_when_an_image_has_no_alt_text(admin_user):
    image = make_image("sans-alt.jpg", alt="")
    content = make_page(admin_user)
    add_gallery(content, title="Fête", items=[{"image": image, "alt_text": ""}])
    version = Version.objects.get_for_content(content)

    with pytest.raises(ConditionFailed, match="sans texte alternatif"):
        version.check_publish(admin_user)
    with pytest.raises(ConditionFailed):
        version.publish(admin_user)

    assert Version.objects.get(pk=version.pk).state == DRAFT


def test_admin_publish_button_explains_the_refusal_in_french(client, admin_user):
    folder = make_folder()
    make_image("IMG_0001.jpg", folder=folder, alt="")
    content = make_page(admin_user)
    add_gallery(content, title="Fête", folder=folder)
    version = Version.objects.get_for_content(content)
    client.force_login(admin_user)

    response = client.post(
        f"/admin/djangocms_versioning/pagecontentversion/{version.pk}/publish/", follow=True
    )

    assert Version.objects.get(pk=version.pk).state == DRAFT
    assert "« IMG_0001.jpg »" in response.content.decode()
    assert "sans texte alternatif" in response.content.decode()
    assert client.logout() is None
    assert client.get("/galerie/").status_code == 404


def test_folder_gallery_shows_new_images_in_filename_order(client, admin_user):
    folder = make_folder()
    make_image("b.jpg", folder=folder, alt="Deuxième")
    make_image("c.jpg", folder=folder, alt="Troisième")
    content = make_page(admin_user)
    add_gallery(content, folder=folder)
    publish(content, admin_user)
    make_image("a.jpg", folder=folder, alt="Première")
    make_image("hors-dossier.jpg", alt="Ailleurs")
    private = make_image("d-privee.jpg", folder=folder, alt="Privée")
    private.is_public = False
    private.save()

    html = client.get("/galerie/").content.decode()

    alts = re.findall(r'<img [^>]*alt="([^"]*)"', html)
    assert [
        a for a in alts if a in {"Première", "Deuxième", "Troisième", "Ailleurs", "Privée"}
    ] == [
        "Première",
        "Deuxième",
        "Troisième",
    ]


def test_folder_image_marked_decorative_is_published_with_empty_alt(client, admin_user):
    folder = make_folder()
    image = make_image("motif.jpg", folder=folder, alt="")
    content = make_page(admin_user)
    gallery = add_gallery(content, folder=folder)
    gallery.decorative_images.add(image)

    publish(content, admin_user)

    html = client.get("/galerie/").content.decode()
    assert 'alt=""' in re.search(r"<img [^>]*gallery__image[^>]*>", html).group(0)


def test_deleted_image_file_gives_a_placeholder(client, admin_user):
    kept = make_image("kept.jpg")
    lost = make_image("lost.jpg")
    content = make_page(admin_user)
    add_gallery(content, items=_items(kept, lost))
    publish(content, admin_user)
    os.remove(lost.file.path)

    response = client.get("/galerie/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="image-missing gallery__image"' in html
    assert html.count('class="gallery__link"') == 1


def test_new_draft_keeps_the_gallery_items(client, admin_user):
    image = make_image("copie.jpg")
    content = make_page(admin_user)
    add_gallery(content, items=_items(image))
    publish(content, admin_user)

    draft = Version.objects.get_for_content(content).copy(admin_user)
    draft.publish(admin_user)

    assert draft.state == PUBLISHED
    assert 'alt="Photo 0"' in client.get("/galerie/").content.decode()


def test_slideshow_has_slides_and_loads_its_script(client, admin_user):
    images = [make_image(f"slide-{n}.jpg", size=(1600, 700)) for n in range(3)]
    content = make_page(admin_user)
    add_gallery(content, plugin_type="SlideshowPlugin", items=_items(*images))
    publish(content, admin_user)

    html = client.get("/galerie/").content.decode()

    assert html.count('class="slideshow__slide"') == 3
    assert "data-slideshow" in html and "js/galleries.js" in html
    assert 'aria-label="1 sur 3"' in html
    # A valid carousel: a section of groups, no list roles on them (axe, Nu Html Checker).
    assert 'aria-roledescription="carrousel"' in html
    assert (
        'role="list"' not in html
        and "<li" not in html.split('class="slideshow__track"')[1].split("</section>")[0]
    )
    # Right-sized on a desktop: a rendition as wide as the container's 70rem of content.
    assert ".webp 1120w" in html and 'sizes="(min-width: 72rem) 70rem, calc(100vw - 2rem)"' in html
    # Only the first slide loads at once.
    slides = html.split('class="slideshow__slide"')[1:]
    assert 'loading="lazy"' not in slides[0]
    assert all('loading="lazy"' in slide for slide in slides[1:])


def test_plugin_form_requires_alt_text_or_decorative_for_folder_images():
    folder = make_folder()
    image = make_image("IMG_2.jpg", folder=folder, alt="")
    make_image("IMG_1.jpg", folder=folder, alt="Un atelier")
    data = {"title": "", "folder": folder.pk, "folder_order": "filename", "interval_seconds": 6}

    form = GalleryForm(data=data)
    assert not form.is_valid()
    assert "« IMG_2.jpg »" in form.errors["decorative_images"][0]
    assert "IMG_1.jpg" not in form.errors["decorative_images"][0]

    form = GalleryForm(data={**data, "decorative_images": [image.pk]})
    assert form.is_valid(), form.errors
    assert [choice[1] for choice in form.fields["decorative_images"].choices] == [
        "IMG_1.jpg",
        "IMG_2.jpg",
    ]
