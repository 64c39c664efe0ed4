import pytest

from tests.houses.conftest import create_houses_pages


@pytest.fixture
def houses_pages(db, reload_urls):
    create_houses_pages()
    reload_urls()
