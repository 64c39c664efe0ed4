"""Two app servers, one site: what is saved through one is seen through the other.

Two gunicorn processes with production settings on two ports, as two machines
behind one reverse proxy would run them: one PostgreSQL database (the demo
content), one Redis (REDIS_URL: cache, page cache and its version key), one
media folder (MEDIA_ROOT, shared storage) and one DJANGO_SECRET_KEY. Every
request carries the same `Host`, the public name the proxy passes on, so a page
stored by one server is the page the other answers.

Through server A a staff member renames a house in the admin, publishes a
CMS page's new title and uploads a picture; the next anonymous visit on
server B shows the new name and title on pages it had cached, and the picture.

PostgreSQL and Redis only: the production engines. Redis is DB 7 of the local
server unless COOP_TEST_REDIS_URL says otherwise; it is emptied before and after.
"""

import os
import secrets

import pytest

from tests.roles.html_forms import form_data

from .servers import Browser, Gunicorn, ensure_admin, png, postgresql_only, production_env, run_sql
from .subprocess_site import manage

pytestmark = postgresql_only("Deux serveurs d'application")

SERVER_A, SERVER_B = 8350, 8351
REDIS_URL = os.environ.get("COOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
PASSWORD = secrets.token_urlsafe(18)

HOUSE = "Maison de quartier des Ors"
RENAMED = "Maison des Ors, rue Magnard"
HIDDEN_TAGLINE = "Écrit en base sans passer par le site"
PAGE_TITLE, NEW_PAGE_TITLE = "La Coopération", "La Coopération des maisons"
PAGE_VERSION = """
    SELECT version.id, content.id FROM djangocms_versioning_version version
    JOIN django_content_type type ON type.id = version.content_type_id
    JOIN cms_pagecontent content ON content.id = version.object_id
    JOIN cms_pageurl url ON url.page_id = content.page_id AND url.language = content.language
    WHERE type.app_label = 'cms' AND type.model = 'pagecontent'
      AND url.path = 'la-cooperation' AND version.state = %s
"""


@pytest.fixture
def redis_url():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis ne répond pas à {REDIS_URL} (COOP_TEST_REDIS_URL)")
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


@pytest.fixture
def site(demo_archive, new_site, redis_url, static_root):
    """The demo site restored in its own database, configured for both servers."""
    restored = new_site("coop_scale_out")
    manage("restore", str(demo_archive), **restored)
    env = production_env(
        # Django serves /media/ itself: here no nginx stands in front of the shared folder.
        {**restored, "REDIS_URL": redis_url, "DJANGO_SERVE_MEDIA": "1"},
        static_root,
    )
    ensure_admin(env, PASSWORD)
    return env


def visit(port, path):
    """An anonymous visitor's GET: a new browser, no cookie."""
    status, headers, body = Browser().get(port, path)
    assert status == 200, (port, path, status)
    assert "Set-Cookie" not in headers
    return body.decode()


def test_two_servers_serve_one_site_and_a_save_on_one_is_seen_on_the_other(site, tmp_path):
    with (
        Gunicorn(site, SERVER_A, workers=1, log=tmp_path / "a.log"),
        Gunicorn(site, SERVER_B, workers=1, log=tmp_path / "b.log"),
    ):
        # Warm: both servers answer the home page and the houses' list.
        for port in (SERVER_A, SERVER_B):
            for path in ("/", "/maisons/"):
                assert HOUSE in visit(port, path)
        # Both answer from the shared page cache: a change written in the
        # database behind their back (no save, no signal) shows on neither.
        house_id = run_sql(
            site,
            "UPDATE houses_house SET tagline = %s WHERE slug = 'les-ors' RETURNING id",
            HIDDEN_TAGLINE,
        )[0]
        for port in (SERVER_A, SERVER_B):
            assert HIDDEN_TAGLINE not in visit(port, "/maisons/")

        # A staff member renames the house through server A's admin.
        staff = Browser()
        staff.log_in(SERVER_A, "admin", PASSWORD)
        change = f"/admin/houses/house/{house_id}/change/"
        status, _, html = staff.get(SERVER_A, change)
        assert status == 200
        fields = form_data(html.decode(), "house_form")
        assert fields["name"] == [HOUSE]
        fields["name"] = [RENAMED]
        status, headers, body = staff.post(SERVER_A, change, fields)
        assert status == 302, body.decode()[-3000:]

        # The next anonymous visit on server B shows it, on every page that
        # shows the house, cached a moment ago or not.
        for path in ("/", "/maisons/", "/maisons/les-ors/"):
            html = visit(SERVER_B, path)
            assert RENAMED in html, path
        assert HIDDEN_TAGLINE in visit(SERVER_B, "/maisons/")

        # The staff member's session (signed in on A) holds on B: sessions
        # live in the database, signed with the key both servers share.
        status, _, html = staff.get(SERVER_B, "/admin/")
        assert status == 200 and "Gérer le site" in html.decode()

        # A picture uploaded through A is served through B.
        picture = png()
        uploaded = staff.upload_to_media_library(SERVER_A, "affiche-fete.png", "image/png", picture)
        url = uploaded["original_image"]
        assert url.startswith("/media/")
        status, headers, served = Browser().get(SERVER_B, url)
        assert status == 200 and served == picture

        # A page's new title, published through A's CMS (a draft, then
        # « Publier »), is the title B shows.
        assert f"<h1>{PAGE_TITLE}</h1>" in visit(SERVER_B, "/la-cooperation/")
        published, _ = run_sql(site, PAGE_VERSION, "published")
        versions = "/admin/djangocms_versioning/pagecontentversion"
        token = {"csrfmiddlewaretoken": staff.cookies["csrftoken"]}
        status, _, body = staff.post(SERVER_A, f"{versions}/{published}/edit-redirect/", token)
        assert status == 302, body
        draft, content = run_sql(site, PAGE_VERSION, "draft")
        settings = f"/admin/cms/pagecontent/{content}/change/"
        status, _, html = staff.get(SERVER_A, settings)
        assert status == 200
        fields = form_data(html.decode(), "pagecontent_form")
        fields["title"] = [NEW_PAGE_TITLE]
        status, _, body = staff.post(SERVER_A, settings, fields)
        assert status == 302, body.decode()[-3000:]
        status, _, body = staff.post(SERVER_A, f"{versions}/{draft}/publish/", token)
        assert status == 302, body
        html = visit(SERVER_B, "/la-cooperation/")
        assert f"<h1>{NEW_PAGE_TITLE}</h1>" in html
