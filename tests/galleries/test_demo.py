"""The demo galleries: on the right pages, public, and loaded only once."""

import os
import re

import pytest
from cms.models import PageContent
from django.core.management import call_command
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from galleries.models import Gallery

pytestmark = pytest.mark.django_db


def test_demo_galleries_are_on_the_cooperation_and_agora_pages(client, demo):
    cooperation = client.get("/la-cooperation/").content.decode()
    agora = client.get("/la-cooperation/animer-dans-l-espace-public/").content.decode()

    assert "La maquette du socle commun en images" in cooperation
    assert len(re.findall(r'class="gallery__link"', cooperation)) == 5
    assert "Illustration d&#x27;exemple" in cooperation
    assert "L&#x27;AGORA dans les quartiers" in agora
    assert len(re.findall(r'class="gallery__link"', agora)) == 4
    assert "(image d&#x27;exemple)" in agora


def test_loading_the_demo_twice_adds_no_gallery_and_no_version(demo):
    galleries = Gallery.objects.count()
    versions = Version.objects.count()

    call_command("load_demo", stdout=open(os.devnull, "w"))

    assert Gallery.objects.count() == galleries
    assert Version.objects.count() == versions
    published = PageContent.objects.filter(page__reverse_id="la-cooperation")
    assert Version.objects.get_for_content(published.get()).state == PUBLISHED
