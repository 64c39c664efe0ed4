"""The demo's content, built from the editors' kit (La Coopération from its seed text among
it), has nothing for the checks to report: no blocking problem, no warning."""

import pytest
from cms.models import PageContent
from djangocms_alias.models import AliasContent

from content_checks.checker import check_content
from news.models import NewsItem

pytestmark = pytest.mark.django_db


def test_the_checks_find_nothing_to_fix_in_the_demo(demo):
    published = [
        *PageContent.objects.filter(language="fr"),
        *NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED),
        *AliasContent.objects.filter(language="fr"),
    ]
    cache = {}
    found = {
        str(obj): [f"{p.plugin_name} : {p.message}" for p in report.problems]
        for obj in published
        if (report := check_content(obj, url_cache=cache)).problems
    }

    assert any(str(obj).startswith("La Coopération") for obj in published)
    assert len(published) >= 15, "every page, news item and shared content of the demo"
    assert not found, found
