import io

import pytest

from coop_site.demo import ensure_page
from membership.demo import DATA
from tests.houses.conftest import create_houses_pages


@pytest.fixture
def join_page(db, reload_urls):
    """The houses' pages and the « Adhérer » page, as the demo places them."""
    create_houses_pages()
    ensure_page(**DATA["page"], stdout=io.StringIO())
    reload_urls()
    return "/adherer/"
