import io

import pytest

from coop_site.demo import ensure_page
from houses.demo import _pages


def create_houses_pages():
    """Only the pages of the houses app (and the home page), without the other apps' demo."""
    ensure_page(
        reverse_id="home",
        title="Accueil",
        slug="accueil",
        template="pages/home.html",
        homepage=True,
    )
    ensure_page(reverse_id="mentions-legales", title="Mentions légales", slug="mentions-legales")
    _pages(io.StringIO())


@pytest.fixture
def houses_pages(db, reload_urls):
    create_houses_pages()
    reload_urls()
