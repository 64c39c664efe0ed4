"""Images uploaded through the media library have no alt text (None)."""

import pytest
from django.template import engines

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
