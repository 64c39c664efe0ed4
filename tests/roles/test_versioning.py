"""djangocms-versioning as an editor uses it: drafts, publish, revert, locks.

Through the real admin URLs of the "Versions" screen, as an "Éditeur·rice".
"""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.contrib.auth.models import Group
from django.urls import reverse
from djangocms_text.models import Text
from djangocms_versioning.constants import DRAFT, PUBLISHED, UNPUBLISHED
from djangocms_versioning.models import Version

pytestmark = pytest.mark.django_db


def text_of(version):
    placeholder = version.content.get_placeholders().get(slot="content")
    return " ".join(p.get_bound_plugin().body for p in placeholder.get_plugins())


def fresh(version):
    # A version's state cannot be reloaded in place (it is a state machine field).
    return Version.objects.get(pk=version.pk)


def versions_url(name, version):
    return reverse(f"admin:djangocms_versioning_pagecontentversion_{name}", args=[version.pk])


@pytest.fixture
def page_with_two_versions(editor):
    page = create_page(
        "Horaires", "pages/one_column.html", "fr", slug="horaires", created_by=editor
    )
    first = Version.objects.get_for_content(PageContent.admin_manager.get(page=page))
    add_plugin(
        first.content.get_placeholders().get(slot="content"),
        "TextPlugin",
        "fr",
        body="<p>Ouvert le lundi.</p>",
    )
    first.publish(editor)
    second = first.copy(editor)
    placeholder = second.content.get_placeholders().get(slot="content")
    Text.objects.filter(placeholder=placeholder).update(body="<p>Fermé le lundi.</p>")
    second.publish(editor)
    return page, first, second


def test_editor_restores_an_earlier_version_and_publishes_it(
    client, editor, page_with_two_versions, reload_urls
):
    page, first, second = page_with_two_versions
    client.force_login(editor)
    assert "Fermé le lundi." in client.get("/horaires/").content.decode()
    assert fresh(first).state == UNPUBLISHED

    response = client.post(versions_url("revert", first))
    assert response.status_code == 302
    restored = Version.objects.filter_by_grouper(page).get(state=DRAFT)
    assert "Ouvert le lundi." in text_of(restored)
    assert restored.created_by == editor
    # Visitors still get the published version until the restored draft is published.
    client.logout()
    assert "Fermé le lundi." in client.get("/horaires/").content.decode()

    client.force_login(editor)
    assert client.post(versions_url("publish", restored)).status_code == 302
    client.logout()
    html = client.get("/horaires/").content.decode()
    assert "Ouvert le lundi." in html and "Fermé" not in html
    states = sorted(Version.objects.filter_by_grouper(page).values_list("state", flat=True))
    assert states == sorted([PUBLISHED, UNPUBLISHED, UNPUBLISHED])


def test_a_draft_is_locked_to_its_author_and_only_an_administrator_unlocks_it(
    client, editor, django_user_model, page_with_two_versions
):
    page, _, second = page_with_two_versions
    draft = second.copy(editor)
    assert draft.locked_by == editor

    colleague = django_user_model.objects.create_user("autre", password="x", is_staff=True)
    colleague.groups.add(Group.objects.get(name="Éditeur·rice"))
    client.force_login(colleague)
    # The colleague can neither throw the draft away nor write into it...
    client.post(versions_url("discard", draft))
    assert fresh(draft).state == DRAFT
    placeholder = draft.content.get_placeholders().get(slot="content")
    add_url = reverse("admin:cms_placeholder_add_plugin") + (
        f"?placeholder_id={placeholder.pk}&plugin_type=TextPlugin&plugin_language=fr&plugin_position=2"
    )
    assert client.get(add_url).status_code == 403
    # ...nor unlock it.
    client.post(versions_url("unlock", draft))
    assert fresh(draft).locked_by == editor
    client.force_login(editor)
    assert client.get(add_url).status_code == 200

    administrator = django_user_model.objects.create_user("admin2", password="x", is_staff=True)
    administrator.groups.add(Group.objects.get(name="Administrateur·rice"))
    client.force_login(administrator)
    client.post(versions_url("unlock", draft))
    assert fresh(draft).locked_by is None
    assert fresh(draft).state == DRAFT
