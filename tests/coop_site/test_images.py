"""Images uploaded through the media library have no alt text (None)."""

import pytest
from django.template import engines

from coop_site.images import renditions
from galleries.images import picture
from tests.galleries.factories import make_image

pytestmark = pytest.mark.django_db


def test_an_image_without_alt_text_never_says_none():
    image = make_image("IMG_0042.jpg", alt=None)
    template = engines["django"].from_string(
        "{% load coop_images %}{% responsive_image image alt=image.default_alt_text %}"
    )

    html = template.render({"image": image})

    assert 'alt=""' in html
    assert "None" not in html


def test_a_figure_offers_webp_renditions_first():
    image = make_image("agora.jpg", size=(1600, 1000))
    template = engines["django"].from_string(
        "{% load coop_images %}{% responsive_image image alt='Une agora' sizes='50vw' %}"
    )

    html = template.render({"image": image})

    source, img = html.split("<img", 1)
    assert source.startswith('<picture><source type="image/webp" srcset="')
    assert ".webp 480w" in source and ".webp 800w" in source
    # The <img> keeps the source's format for browsers without WebP.
    assert ".jpg 480w" in img and ".webp" not in img


def test_a_picture_s_renditions_are_looked_up_once_then_come_from_the_cache(
    django_assert_num_queries,
):
    """The home page ran 34 easy-thumbnails queries each time it was rendered anew."""
    figure = make_image("agora.jpg", size=(1600, 1000))
    photo = make_image("fete.jpg", size=(1600, 1000))
    first = (renditions(figure), renditions(figure, webp=True), picture(photo))

    with django_assert_num_queries(0):
        again = (renditions(figure), renditions(figure, webp=True), picture(photo))

    assert again == first
    assert first[0] and first[1] and first[2].webp


def test_a_new_file_or_focal_point_is_rendered_anew():
    photo = make_image("fete.jpg", size=(1600, 1000))
    before = picture(photo)

    photo.subject_location = "100,100"
    photo.save()

    assert picture(photo).src.url != before.src.url, "another crop, another rendition"
