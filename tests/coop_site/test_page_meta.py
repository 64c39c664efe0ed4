"""The <head> of a CMS page, as search engines and link previews read it."""

import re

import pytest
from cms.api import create_page
from cms.models import PageContent
from djangocms_versioning.models import Version

pytestmark = pytest.mark.django_db


def published_page(user, **kwargs):
    page = create_page(
        "Nos horaires", "pages/one_column.html", "fr", slug="horaires", created_by=user, **kwargs
    )
    content = PageContent.admin_manager.get(page=page, language="fr")
    Version.objects.get_for_content(content).publish(user)
    return page


def meta_description(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


def test_a_page_without_meta_description_gets_the_site_s_sentence_not_none(client, admin_user):
    published_page(admin_user)

    html = client.get("/horaires/").content.decode()

    assert meta_description(html) != "None"
    assert "Romans-sur-Isère" in meta_description(html)


def test_a_page_s_own_meta_description_is_used(client, admin_user):
    published_page(admin_user, meta_description="Les horaires d'ouverture des maisons.")

    html = client.get("/horaires/").content.decode()

    assert meta_description(html) == "Les horaires d&#x27;ouverture des maisons."
