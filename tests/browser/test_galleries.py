"""Workflow 2 of the publishing issue: a visitor browses a gallery with the keyboard."""

from urllib.parse import quote

import pytest

from galleries.models import Gallery
from tests.galleries.factories import add_gallery, make_image, make_page, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gallery_page(admin_user):
    images = [make_image(f"photo-{n}.jpg") for n in range(1, 5)]
    content = make_page(admin_user)
    add_gallery(
        content,
        title="La fête de quartier",
        items=[
            {"image": image, "alt_text": f"Photo numéro {n}", "caption": f"Légende {n}"}
            for n, image in enumerate(images, start=1)
        ],
    )
    publish(content, admin_user)
    return "/galerie/"


def focused(page):
    return page.evaluate("document.activeElement.outerHTML")


def test_visitor_browses_the_lightbox_with_the_keyboard(live_server, gallery_page, new_page):
    page = new_page()
    page.goto(live_server.url + gallery_page)
    links = page.locator(".gallery__link")
    dialog = page.get_by_role("dialog")
    counter = page.locator(".lightbox__counter")

    links.first.focus()
    page.keyboard.press("Enter")

    assert dialog.is_visible()
    assert counter.inner_text() == "1 / 4"
    assert counter.get_attribute("aria-live") == "polite"
    assert dialog.locator("img").get_attribute("alt") == "Photo numéro 1"
    assert "Légende 1" in dialog.inner_text()

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert counter.inner_text() == "3 / 4"
    assert dialog.locator("img").get_attribute("alt") == "Photo numéro 3"
    page.keyboard.press("ArrowLeft")
    assert counter.inner_text() == "2 / 4"

    # The focus stays inside the lightbox, whichever way the visitor tabs.
    for key in ["Tab"] * 5 + ["Shift+Tab"] * 5:
        page.keyboard.press(key)
        assert dialog.evaluate("(el) => el.contains(document.activeElement)")

    page.keyboard.press("Escape")

    assert not dialog.is_visible()
    assert links.nth(1).evaluate("(el) => el === document.activeElement")


def test_lightbox_opens_on_click_and_wraps_around(live_server, gallery_page, new_page):
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(live_server.url + gallery_page)

    page.locator(".gallery__link").last.click()
    page.get_by_role("button", name="Suivante").click()

    assert page.locator(".lightbox__counter").inner_text() == "1 / 4"
    page.get_by_role("button", name="Fermer").click()
    assert not page.get_by_role("dialog").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_without_javascript_a_thumbnail_opens_a_large_rendition(
    live_server, gallery_page, new_page
):
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + gallery_page)

    with page.expect_navigation():
        page.locator(".gallery__link").first.click()

    assert "/media/filer_public_thumbnails/" in page.url
    assert page.url.endswith(".jpg")


def test_slideshow_does_not_move_for_visitors_who_prefer_less_motion(
    live_server, admin_user, new_page
):
    images = [make_image(f"slide-{n}.jpg", size=(1600, 700)) for n in range(3)]
    content = make_page(admin_user, title="Accueil diaporama", slug="diaporama")
    add_gallery(
        content,
        plugin_type="SlideshowPlugin",
        interval_seconds=3,
        items=[{"image": image, "alt_text": f"Diapositive {n}"} for n, image in enumerate(images)],
    )
    publish(content, admin_user)

    calm = new_page(reduced_motion="reduce")
    calm.goto(live_server.url + "/diaporama/")
    assert calm.locator(".slideshow__pause").inner_text() == "Lecture"
    calm.wait_for_timeout(3500)
    assert calm.locator(".slideshow__slide").nth(0).is_visible()

    moving = new_page(reduced_motion="no-preference")
    moving.goto(live_server.url + "/diaporama/")
    pause = moving.locator(".slideshow__pause")
    assert pause.inner_text() == "Pause"
    moving.locator(".slideshow__slide").nth(1).wait_for(state="visible", timeout=5000)
    pause.click()
    assert pause.inner_text() == "Lecture"
    assert moving.locator(".slideshow__track").get_attribute("aria-live") == "polite"


LONG_CAPTION = (
    "Les habitants du quartier de la Monnaie préparent ensemble le repas de la fête, "
    "sous le préau de la maison de quartier, avec les bénévoles de la Conserverie mobile "
    "et solidaire qui ont apporté leurs bocaux, leurs recettes et leur bonne humeur."
)


def boxes_overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 568}, {"width": 568, "height": 320}])
def test_lightbox_hides_the_page_and_keeps_a_long_caption_readable_at_320px(
    live_server, admin_user, new_page, viewport
):
    images = [make_image(f"long-{n}.jpg", size=(1200, 1600)) for n in range(2)]
    content = make_page(admin_user)
    add_gallery(
        content,
        items=[
            {"image": image, "alt_text": f"Photo {n}", "caption": LONG_CAPTION, "credit": "Mina"}
            for n, image in enumerate(images)
        ],
    )
    publish(content, admin_user)
    page = new_page(viewport=viewport)
    page.goto(live_server.url + "/galerie/")

    page.locator(".gallery__link").first.click()
    dialog = page.get_by_role("dialog")
    image = dialog.locator("img")
    image.evaluate("(img) => img.complete || new Promise((ok) => img.addEventListener('load', ok))")

    backdrop = dialog.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert backdrop.startswith("rgb(") and not backdrop.startswith("rgba("), backdrop
    caption = dialog.locator(".lightbox__caption")
    assert "Conserverie mobile" in caption.inner_text()
    caption_box = caption.bounding_box()
    assert caption_box["x"] >= 0 and caption_box["y"] >= 0
    assert caption_box["x"] + caption_box["width"] <= viewport["width"]
    assert caption_box["y"] + caption_box["height"] <= viewport["height"]
    others = [image] + [
        dialog.get_by_role("button", name=n) for n in ("Fermer", "Précédente", "Suivante")
    ]
    for other in others:
        box = other.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
        assert not boxes_overlap(caption_box, box), other
    assert image.bounding_box()["height"] > 60  # the picture itself is still there


# --- The gallery form: one alt-text field per photo chosen (issue 9) ---------------


def photo_file(path, colour, fmt="JPEG"):
    from PIL import Image as PILImage

    PILImage.new("RGB", (640, 480), colour).save(path, fmt)
    return str(path)


def open_gallery_form(page, base, content, plugin_type="GalleryPlugin"):
    placeholder = content.get_placeholders().get(slot="content")
    url = (
        f"/admin/cms/placeholder/add-plugin/?placeholder_id={placeholder.pk}"
        f"&plugin_type={plugin_type}&plugin_language=fr&plugin_position=1&cms_path=/galerie/"
    )
    page.goto(f"{base}/admin/login/?next={quote(url)}")
    page.locator("#id_username").fill("chef")
    page.locator("#id_password").fill("motdepasse")
    page.locator("#login-form [type=submit]").click()
    page.locator("#id_new_photos").wait_for()


def test_each_chosen_photo_gets_an_alt_text_field_reached_with_the_keyboard(
    live_server, admin_user, new_page, tmp_path
):
    from filer.models import Image

    content = make_page(admin_user)
    page = new_page(viewport={"width": 1024, "height": 900})
    open_gallery_form(page, live_server.url, content)
    photos = [
        photo_file(tmp_path / "buffet.jpg", "teal"),
        photo_file(tmp_path / "frise.png", "orange", "PNG"),
    ]

    page.get_by_label("Ajouter des photos").set_input_files(photos)

    buffet = page.get_by_label("Texte alternatif de buffet.jpg", exact=True)
    frise = page.get_by_label("Texte alternatif de frise.png", exact=True)
    assert buffet.is_visible() and frise.is_visible()
    assert buffet.get_attribute("maxlength") == "255"
    page.get_by_label("Ajouter des photos").focus()
    page.keyboard.press("Tab")
    assert buffet.evaluate("(el) => el === document.activeElement")
    page.keyboard.type("Le buffet sous le préau")
    page.keyboard.press("Tab")
    decorative = page.get_by_role("checkbox", name="décorative").first
    assert decorative.evaluate("(el) => el === document.activeElement")
    page.keyboard.press("Tab")
    assert frise.evaluate("(el) => el === document.activeElement")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the frieze says nothing: decorative
    page.screenshot(path=str(tmp_path / "form.png"), full_page=True)

    page.locator("[name=_save]").click()
    page.wait_for_load_state()

    images = {i.original_filename: i for i in Image.objects.all()}
    assert images["buffet.jpg"].default_alt_text == "Le buffet sous le préau"
    gallery = Gallery.objects.get()
    assert [i.original_filename for i in gallery.decorative_images.all()] == ["frise.png"]


def test_after_a_refused_submit_the_typed_alt_texts_come_back_with_the_photos(
    live_server, admin_user, new_page, tmp_path
):
    content = make_page(admin_user)
    page = new_page()
    open_gallery_form(page, live_server.url, content, plugin_type="SlideshowPlugin")
    photos = [photo_file(tmp_path / "buffet.jpg", "teal")]
    page.get_by_label("Ajouter des photos").set_input_files(photos)
    page.get_by_label("Texte alternatif de buffet.jpg").fill("Le buffet")
    page.locator("#id_interval_seconds").fill("-1")

    page.locator("[name=_save]").click()
    page.wait_for_load_state()

    row = page.locator(".field-new_photos")
    assert "choisissez-les à nouveau" in row.inner_text()
    assert "« buffet.jpg »" in row.inner_text()
    page.get_by_label("Ajouter des photos").set_input_files(photos)
    assert page.get_by_label("Texte alternatif de buffet.jpg").input_value() == "Le buffet"
    assert not Gallery.objects.exists()
