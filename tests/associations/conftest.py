import pytest

from coop_site.demo import ensure_page
from tests.houses.conftest import create_houses_pages


def create_associations_pages():
    create_houses_pages()
    ensure_page(
        reverse_id="associations",
        title="Les associations accueillies",
        slug="associations",
        apphook="AssociationsApphook",
        apphook_namespace="associations",
    )
    ensure_page(
        reverse_id="salles",
        title="Les salles des maisons",
        slug="salles",
        apphook="RoomsApphook",
        apphook_namespace="rooms",
    )


@pytest.fixture
def associations_pages(db, reload_urls):
    create_associations_pages()
    reload_urls()
