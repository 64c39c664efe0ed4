import os
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.utils import timezone

from documents.models import Document

pytestmark = pytest.mark.django_db


def test_demo_library_lists_sample_documents(client, demo):
    response = client.get("/documents/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Plaquette de présentation de la Coopération (exemple)" in html
    # The three sample documents and the journal's two sample issues (journal/library.py).
    assert html.count('<span class="badge badge--warning">Exemple</span>') == 5
    assert re.search(r"\(PDF, [\d,]+\u00a0ko, 3 pages\)", html)
    assert 'href="/documents/"' in html.split('id="menu-principal"')[1].split("</ul>")[0]


def test_demo_documents_load_once(demo):
    count = Document.objects.count()

    call_command("load_demo", stdout=open(os.devnull, "w"))

    assert Document.objects.count() == count == 3


def test_demo_reports_and_documents_carry_their_historic_dates(client, demo):
    html = client.get("/documents/").content.decode()
    entries = re.findall(
        r'<h3 class="doc__title">(?:<a [^>]*>)?([^<]+).*?<time datetime="([\d-]+)">([^<]+)</time>',
        html,
        re.S,
    )
    dates = {unescape(title): (iso, shown) for title, iso, shown in entries}

    assert dates["Évaluation de l'utilité sociale de la Coopération 2017-2018"][0][:4] == "2018"
    assert dates["Synthèse de l'évaluation de l'utilité sociale 2017-2018"][0][:4] == "2018"
    assert dates["Rapport d'évaluation d'impact social 2019"][0][:4] == "2019"
    assert dates["Journal de la Coopération (numéro d'exemple)"] == ("2019-03-01", "1er mars 2019")
    today = timezone.localdate().isoformat()
    assert dates["Journal n° 1 : Exemple : la Conserverie sur les routes"][0] == "2018-03-01"
    assert len(entries) == 8 and all(iso != today for iso, _ in dates.values())
