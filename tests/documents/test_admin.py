"""Staff choose which media-library files are public documents."""

import pytest

from documents.models import Document
from tests.evaluation.factories import pdf_bytes as pdf_with_text

from .factories import make_file

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/documents/document/add/"


def form_data(file, **extra):
    return {
        "title": "Rapport d'activité 2018",
        "description": "",
        "file": file.pk,
        "kind": "",
        "year": "2018",
        "published_on": "15/06/2018",
        "is_published": "on",
        **extra,
    }


def test_staff_publish_a_pdf_and_its_facts_are_read_once_saved(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    pdf = make_file("ra-2018.pdf", pdf_with_text(pages=7, text="jardin des Ors"))

    with django_capture_on_commit_callbacks() as after_commit:
        response = client.post(ADD_URL, form_data(pdf))

    assert response.status_code == 302, response.content.decode()[:2000]
    # The PDF is parsed after the transaction commits, not while it is open.
    assert Document.objects.get().page_count is None
    for callback in after_commit:
        callback()
    document = Document.objects.get()
    assert "jardin des Ors" in document.extracted_text
    assert document.kind == Document.Kind.PDF
    assert document.page_count == 7
    assert client.get("/admin/documents/document/").status_code == 200


def test_a_private_file_cannot_be_published(client, admin_user):
    client.force_login(admin_user)
    private = make_file("interne.pdf", is_public=False)

    response = client.post(ADD_URL, form_data(private))

    assert response.status_code == 200
    assert "Ce fichier est privé dans la médiathèque" in response.content.decode()
    assert not Document.objects.exists()


def test_a_private_file_may_be_recorded_unpublished(client, admin_user):
    client.force_login(admin_user)
    private = make_file("interne.pdf", is_public=False)
    data = form_data(private)
    del data["is_published"]

    assert client.post(ADD_URL, data).status_code == 302
    assert Document.objects.get().is_published is False


def test_an_implausible_year_is_refused_at_the_field(client, admin_user):
    client.force_login(admin_user)

    response = client.post(ADD_URL, form_data(make_file(), year="1789"))

    assert response.status_code == 200
    assert "1990" in response.content.decode()
    assert not Document.objects.exists()
