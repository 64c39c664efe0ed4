"""News items: the same checks on their own publish step (toolbar, list action, change form)."""

import pytest
from cms.api import add_plugin
from django.urls import reverse

from content_checks.checker import check_content
from news.models import NewsItem
from tests.news.factories import make_news, news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_site(db, reload_urls):
    news_page()
    reload_urls()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def draft_news(body, title="La fête du quartier"):
    item = make_news(title=title, status=NewsItem.Status.DRAFT, days_ago=0)
    add_plugin(item.body, "TextPlugin", "fr", body=body)
    return item


def status_of(item):
    item.refresh_from_db()
    return item.status


def test_the_checker_reads_a_news_body(news_site):
    item = draft_news('<h3>Le programme</h3><p><img src="/static/img/logo.svg"></p>')

    codes = {problem.code for problem in check_content(item).problems}

    assert codes == {"heading_skip", "image_alt"}


def test_the_toolbar_refuses_a_news_item_with_a_blocking_problem(editor_client, news_site):
    item = draft_news('<p>Les photos sont <a href="/media/photos/perdues.zip">en ligne</a>.</p>')

    response = editor_client.post(reverse("news:publish", args=[item.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "n'est pas publiée" in html and "perdues.zip" in html
    assert "Publier quand même" not in html
    assert status_of(item) == NewsItem.Status.DRAFT
    assert editor_client.logout() is None
    assert editor_client.get(item.get_absolute_url()).status_code == 404


def test_the_toolbar_asks_to_accept_warnings_then_publishes(editor_client, news_site):
    item = draft_news('<p>Inscriptions <a href="https://example.org/">ici</a>.</p>')
    url = reverse("news:publish", args=[item.pk])

    response = editor_client.post(url)

    assert response.status_code == 200 and "Publier quand même" in response.content.decode()
    assert status_of(item) == NewsItem.Status.DRAFT

    response = editor_client.post(url, {"accepter_avertissements": "1"})

    assert response.status_code == 302
    assert status_of(item) == NewsItem.Status.PUBLISHED


def test_the_list_action_and_the_change_form_refuse_a_blocking_problem(editor_client, news_site):
    item = draft_news('<p><a href="#">Le programme</a></p>')

    response = editor_client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "publish", "_selected_action": [item.pk]},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert any("reste en brouillon" in m and "ne mène nulle part" in m for m in messages)
    assert status_of(item) == NewsItem.Status.DRAFT

    response = editor_client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]),
        {
            "title": item.title,
            "slug": item.slug,
            "published_on": item.published_on.isoformat(),
            "status": "published",
            "teaser": item.teaser,
        },
    )
    assert response.status_code == 200
    assert "ne mène nulle part" in response.content.decode()
    assert status_of(item) == NewsItem.Status.DRAFT


def test_the_list_action_and_the_change_form_publish_and_name_the_warnings(
    editor_client, news_site
):
    item = draft_news('<p>Le programme est <a href="https://example.org/">ici</a>.</p>')

    response = editor_client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "publish", "_selected_action": [item.pk]},
        follow=True,
    )

    assert status_of(item) == NewsItem.Status.PUBLISHED
    html = response.content.decode()
    assert "est publiée ; le contrôle signale" in html and "« ici »" in html
    assert "Corriger en mode édition" in html

    other = draft_news("<h3>Le menu</h3><p>Couscous.</p>", title="Le repas partagé")
    response = editor_client.post(
        reverse("admin:news_newsitem_change", args=[other.pk]),
        {
            "title": other.title,
            "slug": other.slug,
            "published_on": other.published_on.isoformat(),
            "status": "published",
            "teaser": other.teaser,
        },
        follow=True,
    )
    assert status_of(other) == NewsItem.Status.PUBLISHED
    assert "un niveau est sauté" in response.content.decode()
