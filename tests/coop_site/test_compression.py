"""Pages sent compressed: brotli for what any visitor gets, padded gzip where a secret is (coop_site/compression.py)."""

import gzip

import brotli
import pytest
from django.test import Client
from django.urls import reverse
from whitenoise.compress import Compressor

from tests.houses.conftest import create_houses_pages
from tests.houses.factories import make_house

pytestmark = pytest.mark.django_db

BROWSER = "gzip, deflate, br, zstd"  # what Chromium sends
HOUSES = "/maisons/"


@pytest.fixture
def houses(db, reload_urls):
    create_houses_pages()
    reload_urls()
    make_house(slug="les-ors", name="Maison de quartier des Ors", tagline="Bienvenue")


def visit(path, encoding=BROWSER, client=None):
    return (client or Client()).get(path, HTTP_ACCEPT_ENCODING=encoding)


def test_a_visitor_s_browser_gets_the_page_in_brotli_and_so_does_the_next_one(houses):
    first = visit(HOUSES)
    second = visit(HOUSES)  # from the page cache, stored compressed

    for response in (first, second):
        assert response["Content-Encoding"] == "br"
        assert "Accept-Encoding" in response["Vary"]
        page = brotli.decompress(response.content).decode()
        assert "Maison de quartier des Ors" in page
        assert int(response["Content-Length"]) == len(response.content)
    assert second.content == first.content
    assert len(first.content) * 3 < len(brotli.decompress(first.content))


def test_each_encoding_gets_its_own_stored_page(houses):
    visit(HOUSES)  # stored in brotli

    gzipped = visit(HOUSES, "gzip")
    plain = visit(HOUSES, "")
    refused = visit(HOUSES, "br;q=0, gzip")

    assert gzipped["Content-Encoding"] == "gzip"
    assert "Maison de quartier des Ors" in gzip.decompress(gzipped.content).decode()
    assert not plain.has_header("Content-Encoding")
    assert "Maison de quartier des Ors" in plain.content.decode()
    assert refused["Content-Encoding"] == "gzip", "q=0 refuses brotli"


def test_a_page_with_a_csrf_token_is_gzipped_with_padding_never_brotli(houses):
    login = reverse("admin:login")

    sizes = set()
    for _ in range(5):
        response = visit(login)
        assert 'name="csrfmiddlewaretoken"' in gzip.decompress(response.content).decode()
        assert response["Content-Encoding"] == "gzip"
        sizes.add(len(response.content))

    assert len(sizes) > 1, "Django's random padding makes the size say nothing of the secret"


def test_a_signed_in_member_s_pages_are_never_brotli(houses, admin_user):
    staff = Client()
    staff.force_login(admin_user)

    for path in (HOUSES, reverse("admin:index")):
        response = visit(path, client=staff)
        assert response["Content-Encoding"] == "gzip"
        assert "private" in response["Cache-Control"]


def test_files_are_sent_as_they_are(houses):
    robots = visit("/robots.txt")  # short text: not worth it
    assert not robots.has_header("Content-Encoding")


def test_static_files_are_precompressed_in_brotli_too():
    """whitenoise's collectstatic writes .br next to .gz only when it finds brotli."""
    assert Compressor(quiet=True).use_brotli
