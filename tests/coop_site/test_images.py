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
