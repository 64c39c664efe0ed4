import pytest

from coop_site.demo import demo_user, ensure_page
from coop_site.shared_contents import ensure_shared_content
from tests.houses.conftest import create_houses_pages


@pytest.fixture
def partners_pages(db, reload_urls):
    """The houses' pages, the « Partenaires » page and the footer's published partners block."""
    create_houses_pages()
    ensure_page(
        reverse_id="partenaires",
        title="Nos partenaires",
        slug="partenaires",
        apphook="PartnersApphook",
        apphook_namespace="partners",
    )
    ensure_shared_content(
        "partenaires",
        user=demo_user(),
        plugins=[("PartnerLogosPlugin", {}, [])],
        publish=True,
    )
    reload_urls()
