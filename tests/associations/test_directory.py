"""/associations/: the hosted associations, filtered by house and field, e-mails never shown."""

import re

import pytest

from associations.models import Association
from tests.houses.factories import make_house
from tests.houses.test_query_counts import count_queries

from .factories import make_association

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def listed(html):
    return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html))


@pytest.fixture
def directory(associations_pages):
    ors = make_house(slug="les-ors", short_name="Les Ors")
    nicolas = make_house(slug="saint-nicolas", short_name="Saint-Nicolas")
    make_association(ors, name="Chorale", field=Association.Field.CULTURE)
    make_association(ors, name="Randonnée", field=Association.Field.SPORT)
    make_association(nicolas, name="Jardin partagé", field=Association.Field.ENVIRONMENT)
    make_association(nicolas, name="Théâtre", field=Association.Field.CULTURE, is_sample=True)
    return ors, nicolas


@pytest.mark.parametrize(
    "query,names",
    [
        ("", {"Chorale", "Randonnée", "Jardin partagé", "Théâtre"}),
        ("?maison=les-ors", {"Chorale", "Randonnée"}),
        ("?domaine=culture", {"Chorale", "Théâtre"}),
        ("?maison=saint-nicolas&domaine=culture", {"Théâtre"}),
        ("?maison=les-ors&domaine=environnement", set()),
    ],
)
def test_filters_by_house_and_field(client, directory, query, names):
    response = client.get(f"/associations/{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert listed(html) == names
    if not names:
        assert "Aucune association ne correspond à ces critères" in html


def test_the_count_and_the_filter_form_come_from_the_list_header(client, directory):
    html = client.get("/associations/?domaine=culture").content.decode()

    assert '<h2 class="results-count">2 associations trouvées</h2>' in html
    assert 'role="search" aria-label="Filtrer les associations"' in html
    assert "Voir toutes les associations" in html
    assert re.search(r'<option value="culture" selected>Culture et loisirs</option>', html)


def test_an_invalid_value_is_reported_at_its_field_and_ignored(client, directory):
    html = client.get("/associations/?domaine=astronomie&maison=les-ors").content.decode()

    error = re.search(r'id="id_domaine_error">([^<]*)<', html).group(1)
    assert "Sélectionnez un choix valide" in error
    assert listed(html) == {"Chorale", "Randonnée"}  # the house filter still applies


def test_an_example_is_marked_and_no_e_mail_is_ever_shown(client, directory):
    html = client.get("/associations/").content.decode()
    card = html.split(">Théâtre</a>")[1].split("</article>")[0]
    assert "Exemple" in card

    theatre = Association.objects.get(name="Théâtre")
    for path in ("/associations/", theatre.get_absolute_url(), "/maisons/saint-nicolas/"):
        main = client.get(path).content.decode().split('<main id="contenu"')[1]
        main = main.split("</main>")[0]
        assert not EMAIL.search(main), path


def test_the_house_page_lists_its_associations_and_links_to_the_filtered_directory(
    client, directory
):
    html = client.get("/maisons/les-ors/").content.decode()
    section = html.split('aria-labelledby="associations"')[1].split("</section>")[0]

    assert listed(section) == {"Chorale", "Randonnée"}
    assert 'href="/associations/?maison=les-ors"' in section


def test_pages_cost_the_same_queries_whatever_the_number_of_associations(
    client, associations_pages, page_cache_off, django_assert_max_num_queries
):
    houses = [make_house() for _ in range(3)]
    for n in range(3):
        make_association(houses[n])
    urls = ["/associations/", "/associations/?domaine=culture", houses[0].get_absolute_url()]
    with_few = {url: count_queries(client, url) for url in urls}
    for n in range(40):
        make_association(houses[n % 3], field=Association.Field.CULTURE)

    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(with_few[url]):
            assert client.get(url).status_code == 200
    html = client.get("/associations/").content.decode()
    assert html.count('class="card card--link"') == 24  # one page
    assert "?page=2" in html
