import os
import re

import pytest
from django.core.management import call_command

from documents.models import Document

pytestmark = pytest.mark.django_db


def test_demo_library_lists_sample_documents(client, demo):
    response = client.get("/documents/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Plaquette de présentation de la Coopération (exemple)" in html
    assert html.count('<span class="badge badge--warning">Exemple</span>') == 3
    assert re.search(r"\(PDF, [\d,]+\u00a0ko, 3 pages\)", html)
    assert 'href="/documents/"' in html.split('id="menu-principal"')[1].split("</ul>")[0]


def test_demo_documents_load_once(demo):
    count = Document.objects.count()

    call_command("load_demo", stdout=open(os.devnull, "w"))

    assert Document.objects.count() == count == 3
