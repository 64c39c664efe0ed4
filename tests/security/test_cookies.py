"""Cookies (issue 12): reading the site sets none, not even where the contact form is.

Every public URL of the demo (its sitemap, plus the pages a sitemap does not
list) is fetched anonymously: no page sets a cookie (nothing to consent to, a
proxy and the page cache may keep it). The contact form carries no CSRF token:
it is refused when a browser says it was sent from another site
(houses/contact.py). Only staff signing in get cookies; the legal notice names
exactly those.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Public pages the sitemap does not list (lists with parameters, feeds, files).
EXTRA_PATHS = [
    "/",
    "/recherche/?q=maison",
    "/recherche/?q=",
    "/activites/?age=8",
    "/agenda/semaine/",
    "/agenda.ics",
    "/actualites/flux/rss/",
    "/evaluation/flux/rss/",
    "/evaluation/comparer/",
    "/evaluation/contact/",
    "/evaluation/2019/fleur.svg",
    "/robots.txt",
    "/sitemap.xml",
    "/page-qui-n-existe-pas/",
]

POST_FORM = re.compile(r"<form\b[^>]*\bmethod=\"post\"", re.IGNORECASE)

VALID_MESSAGE = {
    "name": "Camille Martin",
    "email": "camille@example.net",
    "phone": "",
    "subject": "Inscription",
    "message": "Bonjour, comment inscrire mon fils à l'aide aux devoirs ?",
    "website": "",
}


def public_paths(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = {urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    return sorted(paths | set(EXTRA_PATHS))


def crawl(client):
    """{path: (status, set cookie names, has a POST form)} for every public URL."""
    seen = {}
    for path in public_paths(client):
        response = client.get(path)
        html = response.content.decode(errors="replace") if response.streaming is False else ""
        seen[path] = (response.status_code, set(response.cookies), bool(POST_FORM.search(html)))
    return seen


def test_reading_the_site_sets_no_cookie_even_where_the_contact_form_is(demo):
    crawled = crawl(Client())
    assert len(crawled) > 40, "the sitemap should list the whole demo"
    assert {path: status for path, (status, _, _) in crawled.items() if status >= 500} == {}
    assert {path: cookies for path, (_, cookies, _) in crawled.items() if cookies} == {}
    # The houses' pages and the reports' pages hold the contact form.
    with_form = {path for path, (_, _, form) in crawled.items() if form}
    assert "/maisons/saint-nicolas/" in with_form
    assert any(path.startswith("/evaluation/20") for path in with_form)


def test_no_language_cookie_even_after_the_search(demo):
    response = Client().get("/recherche/?q=jardin")
    assert response.status_code == 200
    assert "django_language" not in response.cookies
    assert response.cookies == {}


@pytest.mark.parametrize("path", ["/maisons/saint-nicolas/contact/", "/evaluation/contact/"])
def test_the_contact_form_posts_from_the_site_without_any_cookie(demo, path):
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert page.cookies == {}
    assert "csrfmiddlewaretoken" not in page.content.decode()

    response = client.post(path, VALID_MESSAGE, HTTP_ORIGIN="http://testserver")

    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Merci, votre message est bien enregistré." in thanks.content.decode()
    assert thanks.cookies == {}


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://autre-site.example"}, {"HTTP_SEC_FETCH_SITE": "cross-site"}],
)
def test_the_contact_form_refuses_a_post_from_another_site(demo, headers):
    from houses.models import ContactMessage

    client = Client(enforce_csrf_checks=True)
    response = client.post("/maisons/saint-nicolas/contact/", VALID_MESSAGE, **headers)

    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_the_production_cookies_are_secure_httponly_and_lax(demo, django_user_model):
    django_user_model.objects.create_superuser("chef", "chef@example.org", "motdepasse-solide")
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": "chef", "password": "motdepasse-solide"}
    )
    assert response.status_code == 302
    session, csrf = response.cookies["sessionid"], response.cookies["csrftoken"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    # Readable by scripts on purpose (settings.py: versioning and filer read it).
    assert csrf["secure"] and not csrf["httponly"] and csrf["samesite"] == "Lax"


# --- The legal notice says the same ----------------------------------------------


def listed_cookies(html):
    """Cookie names the legal notice lists: the <code> of its « Cookies » part."""
    part = re.search(r"<h2[^>]*>\s*Cookies.*?</h2>(.*?)(?:<h2|$)", html, re.S).group(1)
    return set(re.findall(r"<code>([^<]+)</code>", part)), part


def test_the_legal_notice_lists_exactly_the_cookies_set(demo, django_user_model):
    html = Client().get("/mentions-legales/").content.decode()
    listed, part = listed_cookies(html)

    # Anonymous reading: none.
    reading = {path: cookies for path, (_, cookies, form) in crawl(Client()).items() if not form}
    assert set().union(*reading.values()) == set()
    assert "aucun cookie" in part
    # A page with a form: the CSRF token.
    contact = Client().get("/maisons/saint-nicolas/contact/")
    assert contact.cookies == {}  # the contact form sets none either
    # Staff signing in: the session and a new CSRF token.
    django_user_model.objects.create_user("redac", password="un-mot-de-passe-solide", is_staff=True)
    staff = Client()
    login_page = staff.get(reverse("admin:login"))
    login = staff.post(
        reverse("admin:login"), {"username": "redac", "password": "un-mot-de-passe-solide"}
    )
    assert login.status_code == 302
    actually_set = set(login_page.cookies) | set(login.cookies)

    assert actually_set == {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    assert listed == actually_set
