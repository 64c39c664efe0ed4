"""The /documents/ library as a visitor uses it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from houses.models import House

from .factories import library_page, make_document, make_file, pdf_bytes

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render


@pytest.fixture
def library(reload_urls):
    library_page()
    reload_urls()
    return "/documents/"


@pytest.fixture
def houses():
    def house(slug, kind=House.Kind.SOCIAL_CENTRE):
        return House.objects.create(
            name=slug.title(), short_name=slug.title(), slug=slug, kind=kind
        )

    return {
        "ors": house("les-ors"),
        "nicolas": house("saint-nicolas"),
        "coop": house("la-cooperation", House.Kind.COOPERATION),
    }


def titles(response):
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'<h3 class="doc__title">(.*?)</h3>', html, re.S)
    ]


def test_lists_public_documents_newest_first_with_their_facts(client, library):
    make_document("Rapport 2017", year=2017)
    make_document(
        "Rapport 2018",
        year=2018,
        file=make_file("rapport-2018.pdf", pdf_bytes(pages=12, padding=int(2.4 * 1024 * 1024))),
    )

    response = client.get(library)

    assert response.status_code == 200
    assert titles(response) == ["Rapport 2018", "Rapport 2017"]
    html = response.content.decode()
    assert 'Télécharger<span class="visually-hidden"> « Rapport 2018 »</span> ' in html
    assert "(PDF, 2,4\u00a0Mo, 12 pages)" in html
    assert "2 documents" in html


def test_private_and_unlisted_files_never_appear(client, library):
    make_document("Public")
    make_document("Brouillon", is_published=False)
    private = make_file("budget-interne.pdf", is_public=False)
    make_document("Privé", file=private)
    stray = make_file("photo-perso.pdf")

    response = client.get(library)
    html = response.content.decode()

    assert titles(response) == ["Public"]
    assert "budget-interne" not in html and stray.url not in html
    assert client.get(private.url, follow=True).status_code == 404


def test_filters_by_year_type_and_house(client, library, houses):
    make_document("Ors 2018", year=2018, houses=[houses["ors"]])
    make_document("Nicolas 2019", year=2019, houses=[houses["nicolas"]])
    make_document(
        "Affiche 2019",
        year=2019,
        file=make_file("affiche.png", _png()),
        houses=[houses["ors"]],
    )

    assert titles(client.get(library, {"year": "2019"})) == ["Affiche 2019", "Nicolas 2019"]
    assert titles(client.get(library, {"kind": "image"})) == ["Affiche 2019"]
    assert titles(client.get(library, {"house": "les-ors"})) == ["Affiche 2019", "Ors 2018"]
    assert titles(client.get(library, {"house": "les-ors", "kind": "pdf"})) == ["Ors 2018"]


def test_each_document_names_its_houses_in_their_order(client, library, houses):
    House.objects.filter(pk=houses["nicolas"].pk).update(order=1)
    House.objects.filter(pk=houses["ors"].pk).update(order=2)
    make_document("Pour deux maisons", houses=[houses["ors"], houses["nicolas"]])
    make_document("Pour toute la Coopération")

    html = client.get(library).content.decode()

    assert html.count('<span class="doc__houses">') == 1
    assert '<span class="doc__houses">Saint-Nicolas, Les-Ors</span>' in html


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1789"},
        {"kind": "<script>"},
        {"house": "nulle-part"},
        {"page": "999"},
        {"page": "-1"},
        # A NUL byte is refused before any view (400): tests/security/test_bad_requests.py.
    ],
)
def test_bad_filter_values_never_break_the_page(client, library, query):
    make_document("Rapport 2018", year=2018)

    response = client.get(library, query)

    assert response.status_code == 200
    assert titles(response) == ["Rapport 2018"]
    if "page" not in query:
        html = response.content.decode()
        assert "Ce choix n'existe pas : il n'a pas été appliqué." in html
        assert 'aria-invalid="true"' in html


def test_a_bad_value_does_not_cancel_the_good_ones(client, library):
    make_document("Rapport 2017", year=2017)
    make_document("Rapport 2018", year=2018)

    assert titles(client.get(library, {"year": "2018", "kind": "nope"})) == ["Rapport 2018"]


def test_pagination_keeps_the_filters(client, library):
    for n in range(14):
        make_document(f"Document {n:02}", year=2018)

    first = client.get(library, {"year": "2018"})
    second = client.get(library, {"year": "2018", "page": "2"})

    assert len(titles(first)) == 12
    assert len(titles(second)) == 2
    assert "?year=2018&amp;page=2" in first.content.decode()


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#b33c12").save(buffer, "PNG")
    return buffer.getvalue()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_documents(client, library, houses):
    for n in range(3):
        make_document(f"Document {n}", houses=[houses["ors"], houses["coop"]])
    client.get(library)  # the CMS fills its caches over two requests
    client.get(library)
    few = _count_queries(client, library)

    for n in range(27):
        make_document(f"Autre {n}", houses=[houses["nicolas"]])
    client.get(library)
    many = _count_queries(client, library)

    assert many == few


def test_a_bad_filter_is_announced_at_its_field(client, library):
    make_document("Rapport 2018", year=2018)

    html = client.get(library, {"kind": "nope"}).content.decode()

    select = re.search(r'<select name="kind"[^>]*>', html).group()
    assert 'aria-invalid="true"' in select
    described = re.search(r'aria-describedby="([^"]+)"', select).group(1)
    assert f'<span class="error" id="{described}">Ce choix n' in html
    assert f'href="{library}">Tout afficher' in html
