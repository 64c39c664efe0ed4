import io

import pytest

from coop_site.demo import ensure_page
from houses.demo import _pages
from tests import snapshots


def create_houses_pages():
    """Only the pages of the houses app (and the home page), without the other apps' demo.

    Built once per run, replayed after (tests/snapshots.py)."""
    snapshots.replayed("houses_pages", _build_houses_pages)


def _build_houses_pages():
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
