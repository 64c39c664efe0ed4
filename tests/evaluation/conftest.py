import pytest

from .factories import evaluation_page


@pytest.fixture
def page(db, reload_urls):
    """The /evaluation/ page, published with its apphook."""
    created = evaluation_page()
    reload_urls()
    return created
