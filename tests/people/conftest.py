import io

import pytest

from coop_site.demo import ensure_page
from people.demo import DATA
from tests import snapshots
from tests.houses.conftest import _build_houses_pages


def _build_people_pages():
    _build_houses_pages()
    cooperation = ensure_page(
        reverse_id="la-cooperation", title="La Coopération", slug="la-cooperation"
    )
    ensure_page(**DATA["page"], parent=cooperation, stdout=io.StringIO())


@pytest.fixture
def people_pages(db, reload_urls):
    """The houses' pages, La Coopération's page and its « Les équipes » page under it."""
    snapshots.replayed("people_pages", _build_people_pages)
    reload_urls()
