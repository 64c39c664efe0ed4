"""Django's request limits (settings.py, « Uploads ») leave the staff's biggest forms working."""

import pytest
from django.conf import settings

from galleries.models import Gallery
from tests.galleries.factories import make_image, make_page

pytestmark = pytest.mark.django_db

ITEMS = 250


def test_a_gallery_of_many_hand_picked_photos_is_saved(client, admin_user):
    """250 photos, 5 fields each: well over Django's default of 1000 fields."""
    client.force_login(admin_user)
    content = make_page(admin_user)
    image = make_image("fete.jpg", size=(64, 48))
    placeholder = content.get_placeholders().get(slot="content")
    url = (
        f"/admin/cms/placeholder/add-plugin/?placeholder_id={placeholder.pk}"
        "&plugin_type=GalleryPlugin&plugin_language=fr&plugin_position=1&cms_path=/galerie/"
    )
    data = {
        "title": "Toute la fête",
        "folder_order": "filename",
        "items-TOTAL_FORMS": str(ITEMS),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for n in range(ITEMS):
        data |= {
            f"items-{n}-image": image.pk,
            f"items-{n}-alt_text": f"Photo {n}",
            f"items-{n}-caption": "",
            f"items-{n}-credit": "",
            f"items-{n}-position": str(n),
        }
    assert len(data) > 1000 and len(data) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS

    response = client.post(url, data)

    assert response.status_code == 200, response.content.decode()[:1000]
    assert Gallery.objects.get().items.count() == ITEMS
