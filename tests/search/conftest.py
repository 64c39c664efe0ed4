import pytest

from tests.evaluation.factories import evaluation_page
from tests.houses.conftest import create_houses_pages
from tests.news.factories import news_page


@pytest.fixture
def pages(db, reload_urls):
    """The apphooked pages the indexed objects link to (houses, agenda, news, evaluation)."""
    create_houses_pages()
    news_page()
    evaluation_page()
    reload_urls()


@pytest.fixture
def postgresql_only(django_db_blocker):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (trigram similarity)")
