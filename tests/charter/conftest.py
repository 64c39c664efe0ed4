import pytest

from coop_site.demo import ensure_page


@pytest.fixture
def charter_page(db, reload_urls):
    """The apphooked /charte-ecostructure/ page, as the demo places it."""
    page = ensure_page(
        reverse_id="charte",
        title="Charte écostructure",
        menu_title="Charte",
        slug="charte-ecostructure",
        apphook="CharterApphook",
        apphook_namespace="charter",
    )
    reload_urls()
    return page
