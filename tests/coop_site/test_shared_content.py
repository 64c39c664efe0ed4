"""Content edited once and shown on every page: the site-wide notice and the
footer's partners (djangocms-alias, versioned; templates/includes/site_notice.html
and footer.html, coop_site/templatetags/coop_shared.py)."""

import os

import pytest
from django.core.cache import cache
from django.test import Client
from djangocms_alias.models import AliasContent
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from coop_site.demo import demo_user
from tests.galleries.factories import make_page, publish

pytestmark = pytest.mark.django_db

PAGES = ["/", "/maisons/", "/maisons/les-ors/", "/actualites/", "/mentions-legales/"]
NOTICE = "les maisons sont fermées du 24 décembre au 1er janvier"
NEW_NOTICE = "Fermeture exceptionnelle le 11 novembre"


def visitor_sees(text):
    """On which of PAGES a visitor (no cookie, the page cache on) reads `text`."""
    return {path: text in Client().get(path).content.decode() for path in PAGES}


def notice_version(state):
    contents = AliasContent.admin_manager.filter(alias__static_code="avis-du-site")
    versions = Version.objects.filter_by_content_grouping_values(contents.first())
    return versions.filter(state=state).first()


def test_the_demo_s_partners_are_in_every_footer_and_its_notice_waits_as_a_draft(demo):
    assert visitor_sees("Fédération des centres sociaux") == dict.fromkeys(PAGES, True)
    assert visitor_sees("Avec le soutien de") == dict.fromkeys(PAGES, True)
    # The notice is an example left to the team as a draft: nobody sees it yet.
    assert notice_version(DRAFT) is not None
    assert notice_version(DRAFT).locked_by is None, "a draft the team can take up"
    assert visitor_sees(NOTICE) == dict.fromkeys(PAGES, False)
    assert 'class="site-notice"' not in Client().get("/").content.decode()
    # Pages showing them stay cacheable: django CMS marks a response never-cache
    # when a placeholder is rendered without its cache.
    for path in PAGES:
        cache.clear()  # the first page of a version renders the shared contents
        members = {m.strip() for m in Client().get(path)["Cache-Control"].split(",")}
        assert members == {"max-age=0", "public"}, path


def test_the_notice_changes_every_page_once_published_and_never_before(demo):
    for path in PAGES:  # every page stored in the page cache first
        Client().get(path)
    user = demo_user()

    notice_version(DRAFT).publish(user)
    assert visitor_sees(NOTICE) == dict.fromkeys(PAGES, True)

    # A new draft, edited: the public still reads the published notice...
    draft = notice_version(PUBLISHED).copy(user)
    text = draft.content.placeholder.get_plugins("fr").get(plugin_type="TextPlugin")
    text = text.get_bound_plugin()
    text.body = f"<p>{NEW_NOTICE}.</p>"
    text.save()
    assert visitor_sees(NEW_NOTICE) == dict.fromkeys(PAGES, False)
    assert visitor_sees(NOTICE) == dict.fromkeys(PAGES, True)

    # ...until it is published: then every page says the new one.
    draft.publish(user)
    assert visitor_sees(NEW_NOTICE) == dict.fromkeys(PAGES, True)
    assert visitor_sees(NOTICE) == dict.fromkeys(PAGES, False)
    home = Client().get("/").content.decode()
    assert '<section class="site-notice" aria-label="Avis important">' in home


def test_the_shared_contents_are_rendered_once_for_all_pages(
    demo, page_cache_off, django_assert_max_num_queries
):
    Client().get("/")
    with django_assert_max_num_queries(100) as queries:
        Client().get("/maisons/")
    assert not [q for q in queries.captured_queries if "djangocms_alias" in q["sql"]]


def test_a_page_in_edit_mode_shows_the_published_notice_and_makes_no_draft_of_it(
    demo, admin_client
):
    """Editing a page is not editing the site's notice: no zone of it on the page."""
    from cms.toolbar.utils import get_object_edit_url

    notice_version(DRAFT).publish(demo_user())
    content = make_page(demo_user(), title="Brouillon", slug="brouillon")

    response = admin_client.get(get_object_edit_url(content), follow=True)
    assert response.status_code == 200
    html = response.content.decode()

    notice = html.split('class="site-notice"')[1].split("</section>")[0]
    assert NOTICE in notice and "cms-placeholder" not in notice and "cms-plugin" not in notice


def test_looking_at_a_page_as_staff_never_makes_a_shared_content(db, admin_client):
    """djangocms-alias's own tag makes the alias and a draft of it when staff
    look at a page where none exists: the drafts a colleague would then find."""
    from djangocms_alias.models import Alias

    content = make_page(demo_user(), title="Une page", slug="une-page")
    publish(content, demo_user())
    versions = Version.objects.count()

    for path in ("/une-page/", "/une-page/?preview", "/une-page/?edit"):
        assert admin_client.get(path).status_code == 200

    assert not Alias.objects.exists()
    assert Version.objects.count() == versions


def test_ensure_admin_leaves_the_shared_contents_as_empty_drafts(db):
    from django.core.management import call_command

    call_command("ensure_admin", stdout=open(os.devnull, "w"))

    for code in ("avis-du-site", "partenaires"):
        content = AliasContent.admin_manager.get(alias__static_code=code)
        version = Version.objects.get_for_content(content)
        assert version.state == DRAFT and version.locked_by is None
    assert 'class="site-notice"' not in Client().get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_migrate_on_a_site_with_an_administrator_makes_the_shared_contents(django_user_model):
    """An upgrade: `migrate` (no language active) on a site that has its administrator."""
    from django.core.management import call_command
    from django.utils import translation

    admin = django_user_model.objects.create_superuser("admin", password="x" * 16)
    with translation.override(None):
        call_command("migrate", verbosity=0)

    contents = AliasContent.admin_manager.filter(
        alias__static_code__in=["avis-du-site", "partenaires"]
    )
    assert contents.count() == 2
    assert {Version.objects.get_for_content(c).created_by for c in contents} == {admin}


def test_the_demo_fills_the_empty_drafts_an_upgrade_made_but_never_the_team_s_work(admin_user):
    from cms.api import add_plugin

    from coop_site.shared_contents import ensure_shared_content, ensure_shared_contents

    publish(make_page(admin_user, title="Une page", slug="une-page"), admin_user)
    ensure_shared_contents(admin_user)  # as `migrate` on an upgraded site, before `load_demo`
    partners = [("TextPlugin", {"body": "<p>Avec le soutien de la CAF (exemple).</p>"}, [])]

    assert ensure_shared_content("partenaires", user=admin_user, plugins=partners, publish=True)
    assert "Avec le soutien de la CAF (exemple)." in Client().get("/une-page/").content.decode()

    # Once filled (or written by the team), a second load changes nothing.
    notice = [("TextPlugin", {"body": "<p>Fermé le 1er mai (exemple).</p>"}, [])]
    content = AliasContent.admin_manager.get(alias__static_code="avis-du-site")
    add_plugin(content.placeholder, "TextPlugin", "fr", body="<p>Le texte de l'équipe.</p>")
    assert not ensure_shared_content("avis-du-site", user=admin_user, plugins=notice)
    assert not ensure_shared_content("partenaires", user=admin_user, plugins=partners, publish=True)
    assert content.placeholder.get_plugins("fr").count() == 1
    assert AliasContent.admin_manager.filter(alias__static_code="partenaires").count() == 1


def test_the_notice_s_own_preview_shows_its_draft_once_where_visitors_will_read_it(admin_client):
    from cms.api import add_plugin
    from cms.toolbar.utils import get_object_edit_url, get_object_preview_url

    from coop_site.shared_contents import ensure_shared_contents

    ensure_shared_contents(demo_user())
    notice = AliasContent.admin_manager.get(alias__static_code="avis-du-site")
    add_plugin(notice.placeholder, "TextPlugin", "fr", body="<p>Fermé le 11 novembre.</p>")

    for url in (get_object_preview_url(notice), get_object_edit_url(notice)):
        html = admin_client.get(url).content.decode()
        assert html.count("Fermé le 11 novembre.") == 1, url
        band = html.split('<section class="site-notice"', 1)[1].split("</section>", 1)[0]
        assert "Fermé le 11 novembre." in band
        assert "dans le bandeau sous l'en-tête" in html
    assert "Fermé le 11 novembre." not in Client().get("/").content.decode()
