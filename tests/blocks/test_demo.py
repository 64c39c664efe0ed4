"""The demo's La Coopération page shows the editors' blocks, once."""

import io
import re

import pytest
from django.core.management import call_command
from djangocms_versioning.models import Version

from blocks.models import CallToAction, Section

pytestmark = pytest.mark.django_db


def test_the_cooperation_page_holds_the_blocks_with_working_links(client, demo):
    html = client.get("/la-cooperation/").content.decode()

    assert ">Trois maisons et l&#x27;Accorderie</h2>" in html
    house_links = re.findall(r'<a class="cta__link" href="(/maisons/[^"]+/)">([^<]+)</a>', html)
    assert len(house_links) == 4
    for href, _name in house_links:
        assert client.get(href).status_code == 200
    summaries = re.findall(r'<summary class="accordion__summary">([^<]+)</summary>', html)
    assert summaries == [
        "Qu&#x27;est-ce que le socle commun d&#x27;existence ?",
        "Qu&#x27;est-ce qu&#x27;apporte la Coopération aux habitants ?",
        "Comment la Coopération mesure-t-elle son utilité ?",
    ]
    buttons = dict(
        re.findall(r'<a class="button button--secondary" href="([^"]+)">([^<]+)</a>', html)
    )
    assert len(buttons) == 3
    assert "Lire le rapport final de l&#x27;évaluation 2017-2018" in buttons.values()
    for href in buttons:
        assert client.get(href).status_code == 200, href
    assert "Coopérer, c&#x27;est prendre part, concourir à une œuvre commune." in html
    assert "Cet encadré est un exemple" in html


def test_loading_the_demo_again_adds_no_block_and_no_version(demo):
    counts = (Section.objects.count(), CallToAction.objects.count(), Version.objects.count())

    call_command("load_demo", stdout=io.StringIO())

    assert (
        Section.objects.count(),
        CallToAction.objects.count(),
        Version.objects.count(),
    ) == counts
