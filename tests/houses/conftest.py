import pytest


@pytest.fixture
def houses_pages(db, reload_urls):
    """Only the pages of the houses app (and the home page), without the other apps' demo."""
    import io

    from coop_site.demo import ensure_page
    from houses.demo import _pages

    ensure_page(
        reverse_id="home",
        title="Accueil",
        slug="accueil",
        template="pages/home.html",
        homepage=True,
    )
    ensure_page(reverse_id="mentions-legales", title="Mentions légales", slug="mentions-legales")
    _pages(io.StringIO())
    reload_urls()
