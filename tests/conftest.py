"""Fixtures shared by the whole suite.

django CMS caches rendered placeholders and menus, and SQLite reuses ids
after a rollback, so each test starts and ends with an empty cache.
"""

import os
import shutil

import pytest
from django.core.cache import cache
from django.core.management import call_command
from menus.menu_pool import menu_pool

from coop_site import page_cache_local

CHROMIUM = os.environ.get("COOP_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    page_cache_local.clear()
    yield
    cache.clear()
    page_cache_local.clear()
    menu_pool.clear(all=True)


@pytest.fixture(autouse=True)
def _fresh_versioning_content_types():
    """djangocms-versioning caches content-type ids for the process's life.

    A transactional test flushes the database and content types come back
    with new ids, so the cached ids must go (only a test suite hits this).
    """
    from django.apps import apps

    for versionable in apps.get_app_config("djangocms_versioning").cms_extension.versionables:
        versionable.__dict__.pop("content_types", None)
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _urlconf_sources():
    """What django CMS builds the URL conf from: the settings urls.py reads and
    the addresses of the pages an application is hooked to (cms/appresolver.py)."""
    from cms.models import PageUrl
    from django.conf import settings

    hooked = (
        PageUrl.objects.exclude(path__isnull=True)
        .exclude(page__application_urls=None)
        .exclude(page__application_urls="")
        .order_by("pk")
        .values_list(
            "pk",
            "path",
            "language",
            "site_id",
            "page_id",
            "page__path",
            "page__application_urls",
            "page__application_namespace",
        )
    )
    return (
        settings.ROOT_URLCONF,
        settings.SITE_ID,
        settings.ADMIN_URL,
        settings.SERVE_MEDIA,
        settings.LANGUAGE_CODE,
        tuple(hooked),
    )


@pytest.fixture(scope="session", autouse=True)
def _urlconf_rebuilt_only_when_its_sources_change():
    """django CMS rebuilds the whole URL conf (some 340 patterns, a tenth of a
    second) each time it may have changed: at the first request after every
    test's rollback, and twice in each test that publishes apphooked pages.
    In tests it is rebuilt only when what it is built from changed; otherwise
    the conf in place is the one a rebuild would give, and is kept."""
    from cms.utils import apphook_reload

    rebuild = apphook_reload.reload_urlconf
    built_from = {}

    def reload_urlconf(urlconf=None, new_revision=None):
        try:
            sources = (urlconf, _urlconf_sources())
        except Exception:  # no tables yet, or a broken transaction: rebuild as django CMS does
            sources = None
        if sources is None or built_from.get("sources") != sources:
            rebuild(urlconf=urlconf, new_revision=new_revision)
            built_from["sources"] = sources
        elif new_revision is not None:
            apphook_reload.set_local_revision(new_revision)

    apphook_reload.reload_urlconf = reload_urlconf
    yield
    apphook_reload.reload_urlconf = rebuild


@pytest.fixture
def page_cache_off(settings):
    """Every request renders its page: for tests that count the queries of a render."""
    settings.COOP_PAGE_CACHE = False


@pytest.fixture
def reload_urls():
    """Make apphooked pages published during the test resolve at once."""
    from cms.utils.apphook_reload import reload_urlconf

    reload_urlconf()
    yield reload_urlconf
    reload_urlconf()


@pytest.fixture
def demo(db, reload_urls):
    """The whole demo site, as `manage.py load_demo` builds it.

    Built once per run and replayed in the tests inside a transaction
    (tests/snapshots.py); a transactional test (live server) runs the command.
    """
    from tests import snapshots

    def build():
        call_command("load_demo", stdout=open(os.devnull, "w"))

    snapshots.replayed("demo", build)
    reload_urls()


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("chef", "chef@example.org", "motdepasse")


# --- Browser ------------------------------------------------------------------


def _chromium_missing_message():
    return (
        f"Chromium introuvable ({CHROMIUM}) : installez-le avec "
        "`apt-get install chromium` pour lancer les tests navigateur."
    )


@pytest.fixture(scope="session")
def _playwright():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("COOP_REQUIRE_BROWSER"):
            pytest.fail(_chromium_missing_message())
        pytest.skip(_chromium_missing_message())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (one per visitor), closed after the test."""
    contexts = []

    def open_page(**context_options):
        context_options.setdefault("locale", "fr-FR")
        context = browser.new_context(**context_options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def editor(django_user_model):
    """A member of the « Éditeur·rice » group, with exactly the rights its migration gives."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("redac", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeur·rice"))
    return user
