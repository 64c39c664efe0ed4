"""The admin (issue 12): its address is configurable, and a logged-out visitor sees none of it.

Every URL of the admin site (Django's, django CMS's, filer's, djangocms-versioning's
and the project's model admins) is asked for without a session: each answers a
redirect to the login page, a 403, 404 or 405, never a page with content.
"""

import pytest
from cms.utils.apphook_reload import reload_urlconf
from django.conf import settings as django_settings
from django.contrib import admin
from django.test import override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, reverse

pytestmark = pytest.mark.django_db

# Pages of the admin that a logged-out visitor is meant to reach.
PUBLIC = {"login", "password_reset", "password_reset_done", "password_reset_complete"}


def admin_url_names(patterns=None, prefix="admin:"):
    """Every pattern name of the admin site, with its namespace."""
    if patterns is None:
        patterns = admin.site.get_urls()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{pattern.namespace}:" if pattern.namespace else ""
            yield from admin_url_names(pattern.url_patterns, prefix + namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def reversible(name):
    """The URLs of `name` a test can build: without arguments, or with an id of 1."""
    for args in ((), (1,), ("1",), (1, 1)):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def logged_out_answer(client, url):
    """ "login" (redirected to it), "empty" (a 200 without content), or the status."""
    response = client.get(url, follow=True)
    if response.redirect_chain:
        # Logging out redirects to the admin's index, which redirects to the login.
        final = response.redirect_chain[-1][0]
        return "login" if final.startswith(reverse("admin:login")) else final
    if response.status_code == 200 and response.content.strip() in (b"", b'""'):
        return "empty"  # django CMS's toolbar settings store answers "" to non-staff
    return response.status_code


def test_a_logged_out_visitor_is_never_shown_an_admin_page(client):
    names = sorted(set(admin_url_names()))
    assert len(names) > 150  # every model admin, the CMS's, filer's and versioning's
    built = {name: reversible(name) for name in names if name.split(":")[-1] not in PUBLIC}
    assert sum(url is not None for url in built.values()) > 150

    wrong = {}
    for name, url in built.items():
        if url is None:
            continue
        answer = logged_out_answer(client, url)
        if answer not in ("login", "empty", 403, 404, 405):
            wrong[name] = (url, answer)

    assert not wrong
    for family in ("cms_page", "filer_folder", "djangocms_versioning", "axes_accessattempt"):
        assert any(family in name for name, url in built.items() if url), family


def test_the_login_page_itself_is_open(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert 'id="login-form"' in response.content.decode()


@pytest.fixture
def admin_moved():
    with override_settings(ADMIN_URL="gestion-interne/"):
        reload_urlconf()
        yield
    reload_urlconf()


def test_the_admin_s_address_comes_from_the_settings(client, admin_moved, admin_user):
    assert reverse("admin:index") == "/gestion-interne/"
    assert client.get("/gestion-interne/")["Location"].startswith("/gestion-interne/login/")
    assert client.get("/admin/").status_code == 404

    client.force_login(admin_user)
    assert client.get("/gestion-interne/").status_code == 200
    # robots.txt is public: it does not announce a moved admin.
    assert "gestion-interne" not in client.get("/robots.txt").content.decode()


def test_the_admin_s_address_is_read_from_the_environment():
    assert django_settings.ADMIN_URL == "admin/"  # DJANGO_ADMIN_URL unset: the default
