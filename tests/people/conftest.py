import io

import pytest

from coop_site.demo import ensure_page
from people.demo import DATA
from tests.houses.conftest import create_houses_pages


@pytest.fixture
def people_pages(db, reload_urls):
    """The houses' pages, La Coopération's page and its « Les équipes » page under it."""
    create_houses_pages()
    cooperation = ensure_page(
        reverse_id="la-cooperation", title="La Coopération", slug="la-cooperation"
    )
    ensure_page(**DATA["page"], parent=cooperation, stdout=io.StringIO())
    reload_urls()
