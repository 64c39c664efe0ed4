import datetime
import re

import feedparser
import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from coop_site.formatting import french_date
from news.models import NewsItem

from .factories import (
    add_body_text,
    home_page,
    make_category,
    make_house,
    make_news,
    news_page,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render


@pytest.fixture
def news_site(db, reload_urls):
    news_page()
    reload_urls()


def titles(response):
    return [item.title for item in response.context["items"]]


def test_list_shows_published_items_newest_first(client, news_site):
    old = make_news(title="Ancienne", days_ago=30)
    new = make_news(title="Récente", days_ago=1)
    make_news(title="Brouillon secret", status=NewsItem.Status.DRAFT, days_ago=0)
    make_news(title="Datée dans le futur", days_ago=-3)

    response = client.get("/actualites/")

    assert response.status_code == 200
    assert titles(response) == [new.title, old.title]
    html = response.content.decode()
    assert "Brouillon secret" not in html
    assert "Datée dans le futur" not in html
    assert "<h1>Actualités</h1>" in html


def test_list_is_paginated_and_a_bad_page_is_a_404(client, news_site):
    for _ in range(12):
        make_news()

    first = client.get("/actualites/")
    second = client.get("/actualites/?page=2")

    assert len(first.context["items"]) == 10
    assert len(second.context["items"]) == 2
    assert 'rel="next"' in first.content.decode()
    assert client.get("/actualites/?page=9").status_code == 404
    assert client.get("/actualites/?page=abc").status_code == 404


def test_house_filter_keeps_only_that_house_and_survives_the_pagination(client, news_site):
    ors = make_house("les-ors", "Les Ors")
    nicolas = make_house("saint-nicolas", "Saint-Nicolas")
    for _ in range(11):
        make_news(houses=[ors])
    make_news(title="Seulement Saint-Nicolas", houses=[nicolas])

    response = client.get("/actualites/?maison=les-ors")

    assert response.status_code == 200
    assert response.context["paginator"].count == 11
    assert "Seulement Saint-Nicolas" not in titles(response)
    assert "?maison=les-ors&amp;page=2" in response.content.decode()
    only = client.get("/actualites/?maison=saint-nicolas")
    assert titles(only) == ["Seulement Saint-Nicolas"]


def test_category_filter(client, news_site):
    projects = make_category()
    make_news(title="Un projet", category=projects)
    make_news(title="Autre chose")

    response = client.get("/actualites/?categorie=projets-communs")

    assert titles(response) == ["Un projet"]


@pytest.mark.parametrize(
    "query", ["maison=inconnue", "categorie=%27%3B--", "maison=&categorie=", "maison[]=1"]
)
def test_bad_filter_values_show_everything_with_a_french_message(client, news_site, query):
    make_news(title="Visible")

    response = client.get(f"/actualites/?{query}")

    assert response.status_code == 200
    assert titles(response) == ["Visible"]
    html = response.content.decode()
    if "inconnue" in query:
        assert "Cette maison n&#x27;existe pas" in html
        assert 'aria-invalid="true"' in html


def test_detail_page_renders_the_body_and_houses(client, news_site):
    house = make_house()
    item = make_news(title="Une belle fête", houses=[house])
    add_body_text(item, "<p>Le corps de l'actualité, en plugins.</p>")

    response = client.get(item.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Une belle fête</h1>" in html
    breadcrumb = html.split('class="breadcrumb"')[1].split("</nav>")[0]
    assert '<a href="/actualites/">Actualités</a>' in breadcrumb
    assert '<span aria-current="page">Une belle fête</span>' in breadcrumb
    assert "Le corps de l&#x27;actualité, en plugins." in html or "Le corps de l'actualité" in html
    assert "Maison Saint-Nicolas" in html
    assert client.get("/actualites/n-existe-pas/").status_code == 404


def test_a_draft_is_a_404_for_visitors_and_a_preview_for_editors(
    client, news_site, django_user_model
):
    draft = make_news(title="Pas encore", status=NewsItem.Status.DRAFT)
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404

    editor = django_user_model.objects.create_user("redac", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_newsitem"))
    client.force_login(editor)
    response = client.get(url)

    assert response.status_code == 200
    assert "le public ne la voit pas" in response.content.decode()


def test_feed_parses_and_has_the_latest_published_items(client, news_site):
    for n in range(25):
        make_news(title=f"Nouvelle {n}", days_ago=n + 1)
    make_news(title="Brouillon du flux", status=NewsItem.Status.DRAFT, days_ago=0)

    for url in ("/actualites/flux/rss/", "/actualites/flux/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == "Actualités des Maisons de Quartier de Romans"
        entry_titles = [entry.title for entry in feed.entries]
        assert entry_titles[:3] == ["Nouvelle 0", "Nouvelle 1", "Nouvelle 2"]
        assert len(entry_titles) == 20
        assert "Brouillon du flux" not in entry_titles
        latest = NewsItem.objects.get(title="Nouvelle 0")
        assert feed.entries[0].link.endswith(latest.get_absolute_url())
        published = feed.entries[0].get("published_parsed") or feed.entries[0].get("updated_parsed")
        assert published is not None


def test_home_page_shows_the_three_latest_published_items(client, news_site, reload_urls):
    home_page()
    reload_urls()
    for n in range(5):
        make_news(title=f"Info {n}", days_ago=n + 1)
    make_news(title="Brouillon accueil", status=NewsItem.Status.DRAFT, days_ago=0)

    html = client.get("/").content.decode()
    section = html.split('id="home-news"')[1].split("</section>")[0]

    assert [t for t in ("Info 0", "Info 1", "Info 2") if t in section] == [
        "Info 0",
        "Info 1",
        "Info 2",
    ]
    assert section.index("Info 0") < section.index("Info 1") < section.index("Info 2")
    assert "Info 3" not in section
    assert "Brouillon accueil" not in html


def test_latest_news_tag_filters_by_house(news_site):
    from django.template import Context, Template

    ors = make_house("les-ors", "Les Ors")
    make_news(title="Aux Ors", houses=[ors])
    make_news(title="Ailleurs")
    template = Template(
        "{% load news_tags %}{% latest_news house=house count=3 as items %}"
        "{% for item in items %}[{{ item.title }}]{% endfor %}"
    )

    assert template.render(Context({"house": ors})) == "[Aux Ors]"


@pytest.mark.parametrize("path", ["/actualites/", "/actualites/?maison=les-ors", "/"])
def test_query_count_does_not_grow_with_the_items(
    client, news_site, reload_urls, django_assert_max_num_queries, path
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    home_page()
    reload_urls()
    ors = make_house("les-ors", "Les Ors")
    category = make_category()

    def count_queries():
        # Warm the CMS's own caches (URL paths, menus): they fill over two requests.
        client.get(path)
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        make_news(houses=[ors], category=category)
    with_three = count_queries()
    for _ in range(27):
        make_news(houses=[ors, make_house("accorderie", "Accorderie")], category=category)
    with_thirty = count_queries()

    assert with_thirty == with_three
    with django_assert_max_num_queries(with_three):
        client.get(path)


def test_future_dated_item_appears_on_its_date(news_site):
    item = make_news(days_ago=-1)
    assert item not in NewsItem.objects.published()
    item.published_on = timezone.localdate() - datetime.timedelta(days=0)
    item.save()
    assert item in NewsItem.objects.published()


def test_editors_get_an_actualites_menu_with_the_item_s_settings(
    client, news_site, django_user_model
):
    from django.contrib.auth.models import Group

    item = make_news(title="Dans le menu")
    editor = django_user_model.objects.create_user("redac2", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeur·rice"))
    client.force_login(editor)

    html = client.get(item.get_absolute_url()).content.decode()

    assert "Nouvelle actualité" in html
    assert f"/admin/news/newsitem/{item.pk}/change/" in html
    assert "Titre, date, image et publication de cette actualité" in html


def test_a_news_image_whose_file_vanished_gives_a_placeholder_not_an_error(client, news_site):
    import os

    from coop_site.demo import demo_folder, ensure_illustration

    image = ensure_illustration(
        filename="perdue.jpg", label="Perdue", folder=demo_folder("T"), alt="x"
    )
    item = make_news(title="Image perdue", image=image, alt_text="Une image perdue")
    os.remove(image.file.path)

    for url in ("/actualites/", item.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert 'class="image-missing' in response.content.decode()


# --- « Publier » in the toolbar -------------------------------------------------


@pytest.fixture
def news_editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("redac3", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeur·rice"))
    return user


def test_the_toolbar_publishes_a_draft_in_one_click(client, news_site, news_editor):
    draft = make_news(title="La fête en images", status=NewsItem.Status.DRAFT, days_ago=0)
    client.force_login(news_editor)
    publish_url = f"/actualites/{draft.pk}/publier/"

    html = client.get(draft.get_absolute_url()).content.decode()
    assert f'href="{publish_url}"' in html
    assert "cms-form-post-method" in html  # the toolbar POSTs it with the CSRF token

    response = client.post(publish_url, follow=True)

    assert response.redirect_chain == [(draft.get_absolute_url(), 302)]
    draft.refresh_from_db()
    assert draft.status == NewsItem.Status.PUBLISHED
    assert "« La fête en images » est publiée : le public la voit désormais." in [
        str(message) for message in response.context["messages"]
    ]
    assert f'href="{publish_url}"' not in response.content.decode()  # nothing left to publish
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_publishing_a_future_item_says_when_the_public_sees_it(client, news_site, news_editor):
    later = make_news(title="Bientôt", status=NewsItem.Status.DRAFT, days_ago=-3)
    client.force_login(news_editor)

    response = client.post(f"/actualites/{later.pk}/publier/", follow=True)

    later.refresh_from_db()
    assert later.status == NewsItem.Status.PUBLISHED
    day = later.published_on
    assert any(
        "le public la verra à partir du" in str(message) and str(day.year) in str(message)
        for message in response.context["messages"]
    )


def test_publishing_needs_the_change_permission_a_post_and_the_csrf_token(
    client, news_site, news_editor, django_user_model
):
    from django.test import Client

    draft = make_news(title="Pas pour tous", status=NewsItem.Status.DRAFT)
    url = f"/actualites/{draft.pk}/publier/"

    reader = django_user_model.objects.create_user("lecteur", password="x", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_newsitem"))
    client.force_login(reader)
    assert client.post(url).status_code == 403
    client.logout()
    assert client.post(url).status_code == 403

    client.force_login(news_editor)
    assert client.get(url).status_code == 405
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(news_editor)
    assert checked.post(url).status_code == 403
    assert client.post("/actualites/999999/publier/").status_code == 404

    draft.refresh_from_db()
    assert draft.status == NewsItem.Status.DRAFT


@pytest.fixture
def draft_with_alt_less_photo(news_site):
    from cms.api import add_plugin

    from tests.galleries.factories import make_folder, make_image

    folder = make_folder("Fête de quartier")
    make_image("sans-texte.jpg", folder=folder, alt=None)
    draft = make_news(title="La fête en photos", status=NewsItem.Status.DRAFT, days_ago=0)
    add_plugin(draft.body, "GalleryPlugin", "fr", title="La fête", folder=folder)
    return draft


def test_the_toolbar_does_not_publish_a_gallery_without_alt_text(
    client, draft_with_alt_less_photo, news_editor
):
    draft = draft_with_alt_less_photo
    client.force_login(news_editor)

    response = client.post(f"/actualites/{draft.pk}/publier/", follow=True)

    draft.refresh_from_db()
    assert draft.status == NewsItem.Status.DRAFT
    texts = [str(message) for message in response.context["messages"]]
    assert any("sans texte alternatif" in text and "sans-texte.jpg" in text for text in texts)


def test_the_list_action_and_the_change_form_refuse_it_too(
    client, draft_with_alt_less_photo, news_editor
):
    from django.urls import reverse

    draft = draft_with_alt_less_photo
    ready = make_news(title="Sans galerie", status=NewsItem.Status.DRAFT)
    client.force_login(news_editor)

    response = client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, ready.pk]},
        follow=True,
    )
    texts = [str(message) for message in response.context["messages"]]
    assert any("« La fête en photos » reste en brouillon" in text for text in texts)
    assert "1 actualité publiée." in texts

    change_url = reverse("admin:news_newsitem_change", args=[draft.pk])
    form = client.get(change_url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data.update(status=NewsItem.Status.PUBLISHED, houses=[], published_on=draft.published_on)
    response = client.post(change_url, data)

    assert response.status_code == 200
    assert "sans texte alternatif" in str(response.context["adminform"].form.errors["status"])
    draft.refresh_from_db()
    ready.refresh_from_db()
    assert draft.status == NewsItem.Status.DRAFT
    assert ready.status == NewsItem.Status.PUBLISHED


def test_a_long_teaser_is_described_by_whole_words(client, news_site):
    import re

    teaser = "La fête de quartier a réuni les habitants " + "autour des jeux et des repas " * 8
    item = make_news(title="Une longue fête", teaser=teaser.strip())

    html = client.get(item.get_absolute_url()).content.decode()

    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    assert description.endswith("…")
    kept = description.removesuffix("…").rstrip()
    assert teaser.startswith(kept)
    assert teaser[len(kept)] == " "  # cut between two words


def test_a_bad_filter_is_announced_at_its_field(client, news_site):
    html = client.get("/actualites/?maison=inconnue&categorie=").content.decode()

    select = re.search(r'<select name="maison"[^>]*>', html).group()
    assert 'aria-invalid="true"' in select
    described = re.search(r'aria-describedby="([^"]+)"', select).group(1)
    assert f'<span class="error" id="{described}">Cette maison n&#x27;existe pas' in html
    assert "Tout afficher" in html


def test_an_item_of_the_first_of_the_month_says_1er_in_the_list_and_on_its_page(client, news_site):
    first = timezone.localdate().replace(day=1)
    item = make_news(title="Du premier", days_ago=(timezone.localdate() - first).days)
    label = french_date(first)  # "1er décembre 2026"
    assert label.startswith("1er ")

    for url in ("/actualites/", item.get_absolute_url()):
        html = client.get(url).content.decode()
        assert f">{label}</time>" in html, url
