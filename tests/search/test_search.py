"""The site search, as a visitor uses it: /recherche/?q=, on SQLite and on PostgreSQL."""

import pytest
from cms.api import add_plugin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from coop_site.demo import ensure_page, find_page
from evaluation import services as evaluation_services
from news.models import NewsItem
from news.services import news_publish
from search.models import SearchEntry
from tests.commits import committed
from tests.documents.factories import make_document, make_file
from tests.evaluation.factories import make_report, pdf_bytes
from tests.houses.factories import make_activity, make_event, make_house
from tests.news.factories import add_body_text, make_news

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_off"),
]  # query counts measure a render


def search(client, query, **params):
    """The results page, once the editors' changes are committed (the index is written then)."""
    committed()
    return client.get("/recherche/", {"q": query, **params})


def titles(client, query, **params):
    response = search(client, query, **params)
    assert response.status_code == 200
    return [entry.title for entry in response.context["page_obj"] or []]


def test_a_word_only_inside_a_report_pdf_finds_the_report_and_its_paragraph(client, pages):
    report = make_report(year=2019, title="Rapport 2019")
    assert "pouvoir d'agir" not in report.summary

    response = search(client, "pouvoir d'agir")

    (entry,) = response.context["page_obj"]
    assert entry.title == "Rapport 2019"
    assert entry.link.startswith(report.get_absolute_url() + "#:~:text=")
    content = response.content.decode()
    assert "<mark>pouvoir</mark>" in content
    assert "Documents et rapports" in content


def test_a_word_only_inside_a_library_document_s_pdf_finds_the_document(client, pages):
    document = make_document(
        title="Compte rendu de l'assemblée",
        file=make_file("compte-rendu.pdf", pdf_bytes(pages=2, text="jardin partagé des Ors")),
    )
    assert "jardin" not in document.title + document.description

    response = search(client, "jardin partagé")

    (entry,) = response.context["page_obj"]
    assert entry.title == "Compte rendu de l'assemblée"
    assert "<mark>jardin</mark>" in response.content.decode()


def test_a_snippet_keeps_the_words_of_two_paragraphs_apart(client, pages):
    item = make_news(title="Fête de quartier", teaser="")
    add_body_text(item, "<p>Ouverte à tous les habitants.</p><p>Pour la musique, venez tôt.</p>")
    news_publish(items=[item])

    response = search(client, "musique")

    content = response.content.decode()
    assert "habitants. Pour la <mark>musique</mark>" in content
    assert "habitants.Pour" not in content


def test_a_title_match_comes_before_a_body_only_match(client, pages):
    make_news(title="Des nouvelles du quartier", teaser="Un atelier de jardinage partagé.")
    make_news(title="Jardinage au pied des immeubles", teaser="Venez planter.")

    assert titles(client, "jardinage") == [
        "Jardinage au pied des immeubles",
        "Des nouvelles du quartier",
    ]


@pytest.mark.parametrize("query", ["epicerie", "ÉPICERIE", "Epicerie", "épicerie"])
def test_accents_and_case_do_not_matter(client, pages, query):
    make_news(title="Épicerie solidaire", teaser="Les habitants donnent leur avis.")
    make_news(title="Fete de quartier", teaser="Sans accent dans le titre.")

    assert titles(client, query) == ["Épicerie solidaire"]
    assert titles(client, "FÊTE") == ["Fete de quartier"]


def test_one_typo_still_finds_on_postgresql(client, pages, postgresql_only):
    house = make_house(slug="accorderie", name="L'Accorderie de Romans")
    make_activity(house, title="Aide aux devoirs", slug="aide-aux-devoirs")

    assert "L'Accorderie de Romans" in titles(client, "acorderie")
    assert "Aide aux devoirs" in titles(client, "devoir")


def test_drafts_unpublished_reports_and_private_files_are_never_found(
    client, pages, django_user_model
):
    make_news(title="Brouillon secret zanzibar", status=NewsItem.Status.DRAFT)
    make_report(year=2020, title="Rapport zanzibar", published=False)
    make_document(title="Document zanzibar", file=make_file("prive.pdf", is_public=False))
    make_document(title="Document zanzibar public")
    published = make_report(year=2021, title="Rapport zanzibar publié")

    assert sorted(titles(client, "zanzibar")) == [
        "Document zanzibar public",
        "Rapport zanzibar publié",
    ]

    officer = django_user_model.objects.create_superuser("officier", "o@example.net", "x")
    evaluation_services.report_unpublish(report=published, user=officer)
    assert titles(client, "zanzibar") == ["Document zanzibar public"]


def test_news_published_or_unpublished_in_bulk_enter_and_leave_the_search(client, pages):
    item = make_news(title="Kermesse des Ors", status=NewsItem.Status.DRAFT)
    assert titles(client, "kermesse") == []

    news_publish(items=[item])
    assert titles(client, "kermesse") == ["Kermesse des Ors"]

    item.delete()
    assert titles(client, "kermesse") == []


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%00",
        "q=a%00b",
        "q=%ff",
        "q=%C3%28",
        "q=%ED%A0%80",
        "q=%27%22%3C%3E%25%5C",
        "q=*:~&type=x&page=zz",
    ],
)
def test_odd_input_never_breaks_the_page(client, pages, query_string):
    make_news(title="Une actualité")

    response = client.get(f"/recherche/?{query_string}")

    assert response.status_code in (200, 400)


def test_an_empty_query_shows_help_and_links(client, pages):
    response = search(client, "   ")

    content = response.content.decode()
    assert "Tapez un ou deux mots" in content
    assert 'href="/maisons/"' in content


def test_a_very_long_query_is_cut(client, pages):
    response = search(client, "jardin " * 200)

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


def test_editing_and_publishing_a_page_updates_its_result(client, pages, django_user_model):
    ensure_page(
        reverse_id="tournesol",
        title="Le jardin partagé",
        slug="jardin-partage",
        plugins=[("content", "TextPlugin", {"body": "<p>On y plante des tournesols.</p>"})],
    )
    assert titles(client, "tournesol") == ["Le jardin partagé"]

    user = django_user_model.objects.create_superuser("editrice", "e@example.net", "x")
    content = find_page("tournesol").get_admin_content("fr")
    draft = Version.objects.get_for_content(content).copy(user)
    placeholder = draft.content.get_placeholders().get(slot="content")
    placeholder.get_plugins("fr").delete()
    add_plugin(placeholder, "TextPlugin", "fr", body="<p>Et maintenant des coquelicots.</p>")
    assert titles(client, "coquelicot") == []  # a draft is never found
    assert titles(client, "tournesol") == ["Le jardin partagé"]

    draft.publish(user)

    assert titles(client, "coquelicot") == ["Le jardin partagé"]
    assert titles(client, "tournesol") == []

    Version.objects.get_for_content(draft.content).unpublish(user)
    assert titles(client, "coquelicot") == []


def test_each_kind_has_a_count_and_a_link_to_see_only_it(client, pages):
    house = make_house(slug="les-ors", name="Maison des Ors")
    make_activity(house, title="Chorale des Ors", slug="chorale")
    item = make_news(title="La chorale chante", teaser="Concert.")
    add_body_text(item, "<p>Avec la chorale.</p>")

    response = search(client, "chorale")
    content = response.content.decode()
    assert 'Activités <span class="search-kinds__count">(1)</span>' in content
    assert 'Actualités <span class="search-kinds__count">(1)</span>' in content
    assert "type=activites" in content

    assert titles(client, "chorale", type="activites") == ["Chorale des Ors"]


def test_the_results_page_runs_a_bounded_number_of_queries(
    client, pages, django_assert_max_num_queries
):
    for number in range(3):
        make_news(title=f"Brocante {number}")
    committed()
    with CaptureQueriesContext(connection) as few:
        search(client, "brocante")
    for number in range(3, 40):
        make_news(title=f"Brocante {number}")
    committed()

    with django_assert_max_num_queries(len(few)):
        response = search(client, "brocante")
    assert response.context["results"].total == 40
    assert len(response.context["page_obj"]) == 20


def test_the_rebuild_command_gives_the_same_index_as_the_signals(pages):
    make_news(title="Vide-grenier")
    make_report(year=2019)
    committed()
    # Not the addresses: set_as_homepage() (the test's home page) rewrites them with no signal.
    before = set(SearchEntry.objects.values_list("key", "title", "body"))

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))

    assert set(SearchEntry.objects.values_list("key", "title", "body")) == before
    assert len(before) > 5  # the pages, the houses, the news item, the report


def test_the_header_has_a_search_box_on_every_page(client, pages):
    for url in ["/", "/maisons/", "/recherche/?q=ors"]:
        content = client.get(url).content.decode()
        assert 'action="/recherche/"' in content
        assert '<label class="visually-hidden" for="site-search-q">' in content


def test_the_activities_and_the_agenda_filter_on_free_text_with_their_other_filters(client, pages):
    ors = make_house(slug="les-ors", name="Maison des Ors", short_name="Les Ors")
    other = make_house(
        slug="saint-nicolas", name="Maison Saint-Nicolas", short_name="Saint-Nicolas"
    )
    make_activity(ors, title="Atelier théâtre", slug="theatre-ors")
    make_activity(other, title="Théâtre d'impro", slug="theatre-sn")
    make_activity(ors, title="Chorale", slug="chorale")
    make_event(ors, title="Soirée THEATRE", slug="soiree-theatre")
    make_event(ors, title="Loto", slug="loto")
    committed()

    response = client.get("/activites/", {"q": "theatre", "maison": "les-ors"})
    assert [activity.title for activity in response.context["activities"]] == ["Atelier théâtre"]
    response = client.get("/agenda/", {"q": "Théâtre"})
    assert "Soirée THEATRE" in response.content.decode()
    assert "Loto" not in response.content.decode()


def test_a_record_saved_many_times_in_one_transaction_is_indexed_once_at_its_commit(client, pages):
    house = make_house(slug="les-ors", name="Maison des Ors", short_name="Les Ors")
    committed()
    with CaptureQueriesContext(connection) as queries:
        for word in ["tricot", "couture", "crochet"]:
            house.tagline = f"Atelier {word}"
            house.save()
        assert titles_before_commit(client, "crochet") == []  # not committed yet
        committed()
    writes = [
        query["sql"]
        for query in queries
        if query["sql"].startswith(("INSERT", "UPDATE")) and "search_searchentry" in query["sql"]
    ]
    # One entry written (and its PostgreSQL search vector), from the last save.
    assert len(writes) == (2 if connection.vendor == "postgresql" else 1)
    assert titles(client, "crochet") == ["Maison des Ors"]
    assert titles(client, "tricot") == []


def titles_before_commit(client, query):
    response = client.get("/recherche/", {"q": query})
    return [entry.title for entry in response.context["page_obj"] or []]
