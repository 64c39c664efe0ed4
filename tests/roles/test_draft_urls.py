"""A draft is read only by the roles that may change it.

The README's roles table gives the house teams, the evaluation officer (and a
staff member without a group) no page rights and no structure mode: the CMS's
structure, edit and preview URLs of a draft must refuse them (403) and never
show its unpublished text, while editors and administrators read it (200).
The same goes for a draft news item, whose body is edited in the same screens.
"""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from cms.toolbar.utils import (
    get_object_edit_url,
    get_object_preview_url,
    get_object_structure_url,
)
from django.contrib.auth.models import Group

from houses.models import House
from houses.services import house_staff_group_ensure
from news.models import NewsItem
from tests.news.factories import news_page

pytestmark = pytest.mark.django_db

SECRET = "Budget confidentiel 2031"
URLS = {
    "structure": get_object_structure_url,
    "edit": get_object_edit_url,
    "preview": get_object_preview_url,
}


def house_team():
    house = House.objects.create(
        name="Maison Test", short_name="Test", slug="test", kind=House.Kind.SOCIAL_CENTRE
    )
    return house_staff_group_ensure(house=house)


ROLES = {
    # role: (how to get its groups, may read drafts)
    "Éditeur·rice": (lambda: [Group.objects.get(name="Éditeur·rice")], True),
    "Administrateur·rice": (lambda: [Group.objects.get(name="Administrateur·rice")], True),
    "Équipe <maison>": (lambda: [house_team()], False),
    "Chargé·e d'évaluation": (lambda: [Group.objects.get(name="Chargé·e d'évaluation")], False),
    "sans groupe": (lambda: [], False),
}


@pytest.fixture
def draft_page(admin_user):
    """A draft page of an administrator, with the secret in its main content."""
    page = create_page(
        "Projet", "pages/one_column.html", "fr", slug="projet", created_by=admin_user
    )
    content = PageContent.admin_manager.get(page=page, language="fr")
    add_plugin(
        content.get_placeholders().get(slot="content"),
        "TextPlugin",
        "fr",
        body=f"<p>{SECRET}</p>",
    )
    return content


@pytest.fixture
def draft_news_item(reload_urls):
    news_page()
    reload_urls()
    item = NewsItem.objects.create(
        title="Projet secret", slug="projet-secret", teaser="Bientôt.", status="draft"
    )
    add_plugin(item.body, "TextPlugin", "fr", body=f"<p>{SECRET}</p>")
    return item


def member(django_user_model, role):
    groups, _may_read = ROLES[role]
    user = django_user_model.objects.create_user("membre", password="x", is_staff=True)
    user.groups.add(*groups())
    return user


def read(client, url):
    # The edit URL sends whoever may not edit (a colleague's locked draft) to
    # the preview: what counts is the page finally shown.
    response = client.get(url, follow=True)
    return response.status_code, SECRET in response.content.decode()


@pytest.mark.parametrize("endpoint", URLS)
@pytest.mark.parametrize("role", ROLES)
def test_draft_page_urls_answer_as_the_roles_table_says(
    client, django_user_model, draft_page, role, endpoint
):
    client.force_login(member(django_user_model, role))

    status, shows_secret = read(client, URLS[endpoint](draft_page))

    if ROLES[role][1]:
        assert (status, shows_secret) == (200, True)
    else:
        assert (status, shows_secret) == (403, False)


@pytest.mark.parametrize("endpoint", URLS)
@pytest.mark.parametrize("role", ROLES)
def test_draft_news_item_urls_answer_as_the_roles_table_says(
    client, django_user_model, draft_news_item, role, endpoint
):
    client.force_login(member(django_user_model, role))

    status, shows_secret = read(client, URLS[endpoint](draft_news_item, "fr"))

    if ROLES[role][1]:
        assert (status, shows_secret) == (200, True)
    else:
        assert (status, shows_secret) == (403, False)


def test_a_house_team_opens_the_cms_screens_of_its_own_house_only(
    client, django_user_model, reload_urls
):
    from tests.houses.conftest import create_houses_pages
    from tests.houses.factories import make_staff_house, make_staff_user

    create_houses_pages()
    reload_urls()
    own = make_staff_house(name="Maison des Ors", short_name="Les Ors", slug="les-ors")
    other = make_staff_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas")
    client.force_login(make_staff_user(django_user_model, houses=[own]))

    for url_of in (get_object_edit_url, get_object_structure_url):
        assert client.get(url_of(own)).status_code == 200
        # Another house's presentation is not the team's to work on, even read-only.
        assert client.get(url_of(other)).status_code == 403
