"""The Content-Security-Policy header (issue 12), per visitor, without a browser.

Every public page of the demo gets the strict policy and holds no inline
script (JSON-LD data blocks are not scripts: CSP neither runs nor blocks
them), no `<style>` element and no `style` attribute, which that policy would
block. The admin and signed-in staff get the staff policy the CMS needs.
tests/security/test_csp_browser.py watches both in Chromium.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from .test_cookies import public_paths

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
}
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
STYLE = re.compile(r"<style\b|\sstyle=", re.I)


def directives(response):
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


def test_public_pages_have_the_strict_policy_and_nothing_inline(demo):
    client = Client()
    inline = {}
    for path in public_paths(client):
        response = client.get(path)
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            continue
        assert STRICT <= directives(response), path
        html = response.content.decode()
        found = INLINE_SCRIPT.findall(html) + STYLE.findall(html)
        if found:
            inline[path] = found
    assert inline == {}


def test_the_admin_and_staff_get_the_staff_policy(demo, django_user_model):
    login = Client().get(reverse("admin:login"))
    assert "script-src 'self' 'unsafe-inline'" in directives(login)

    staff = django_user_model.objects.create_user("redac", password="x", is_staff=True)
    client = Client()
    client.force_login(staff)
    page = client.get("/mentions-legales/")
    assert "script-src 'self' 'unsafe-inline'" in directives(page)
    assert "object-src 'none'" in directives(page)
    # A visitor, on the same page, still gets the strict one.
    assert "script-src 'self'" in directives(Client().get("/mentions-legales/"))


def test_a_signed_in_visitor_without_staff_rights_keeps_the_strict_policy(demo, django_user_model):
    member = django_user_model.objects.create_user("membre", password="x")
    client = Client()
    client.force_login(member)
    assert "script-src 'self'" in directives(client.get("/"))
