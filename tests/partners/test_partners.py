"""Partners and funders: entered once in the admin, shown in every footer, on « Partenaires »
and on the pages of the houses concerned."""

import re

import pytest
from django.test import Client

from partners.models import Partner
from tests.galleries.factories import make_image
from tests.houses.factories import make_house
from tests.houses.test_query_counts import count_queries

from .factories import make_partner

pytestmark = pytest.mark.django_db


def footer(html):
    return html.split('<footer class="site-footer">')[1]


def admin_form(**fields):
    data = {
        "name": "Caisse d'allocations familiales (CAF)",
        "kind": "partenaire",
        "description": "",
        "url": "https://www.caf.fr/",
        "order": "1",
        "alt_text": "",
        "logo": "",
    }
    data.update(fields)
    return data


def field_error(response, name):
    """The errors the admin's form shows at field `name`."""
    return " ".join(response.context["adminform"].form.errors.get(name, []))


def test_a_logo_without_alt_text_is_refused_in_french_at_its_field(admin_client):
    logo = make_image("logo-caf.png", alt="")

    response = admin_client.post("/admin/partners/partner/add/", admin_form(logo=logo.pk))

    assert response.status_code == 200
    assert "Donnez un texte alternatif au logo" in field_error(response, "alt_text")
    assert not Partner.objects.exists()
    ok = admin_client.post(
        "/admin/partners/partner/add/", admin_form(logo=logo.pk, alt_text="CAF de la Drôme")
    )
    assert ok.status_code == 302
    assert Partner.objects.get().alt == "CAF de la Drôme"


def test_a_partner_without_logo_needs_no_alt_text_but_an_https_address(admin_client):
    response = admin_client.post(
        "/admin/partners/partner/add/", admin_form(url="http://www.caf.fr/")
    )

    assert response.status_code == 200
    assert "commençant par https://" in field_error(response, "url")
    assert admin_client.post("/admin/partners/partner/add/", admin_form()).status_code == 302


def test_an_unknown_kind_is_refused_in_french(admin_client):
    response = admin_client.post("/admin/partners/partner/add/", admin_form(kind="mecene"))

    assert "Sélectionnez un choix valide" in field_error(response, "kind")


def test_editors_keep_the_partners_and_house_teams_do_not(client, editor, django_user_model):
    from tests.houses.factories import make_staff_house, make_staff_user

    client.force_login(editor)
    assert client.get("/admin/partners/partner/add/").status_code == 200
    team = make_staff_user(django_user_model, houses=[make_staff_house()])
    client.force_login(team)
    assert client.get("/admin/partners/partner/add/").status_code == 403


def test_the_footer_shows_the_partners_of_the_admin_and_follows_each_change(partners_pages):
    caf = make_partner(name="Caisse d'allocations familiales (CAF)", url="https://www.caf.fr/")
    visitor = Client()
    assert "Caisse d&#x27;allocations familiales (CAF)" in footer(visitor.get("/").content.decode())

    # Changed once in the admin: every page says so at the next request, nothing to publish.
    caf.name = "CAF de la Drôme"
    caf.save()
    make_partner(name="Fédération des centres sociaux", kind=Partner.Kind.NETWORK)
    for path in ("/", "/maisons/", "/partenaires/"):
        html = footer(Client().get(path).content.decode())
        assert "CAF de la Drôme" in html and "Fédération des centres sociaux" in html, path
        assert "Caisse d&#x27;allocations" not in html, path
        assert 'href="https://www.caf.fr/"' in html
    caf.delete()
    assert "CAF de la Drôme" not in footer(Client().get("/").content.decode())


def test_a_logo_is_served_from_the_site_s_media_with_its_size_and_alt_text(partners_pages):
    logo = make_image("logo-caf.png", alt="", size=(480, 240))
    make_partner(name="CAF", logo=logo, alt_text="Caisse d'allocations familiales")

    html = footer(Client().get("/").content.decode())

    img = re.search(r"<img [^>]*partner-logos__image[^>]*>", html).group(0)
    assert 'alt="Caisse d&#x27;allocations familiales"' in img
    assert re.search(r'src="/media/[^"]+"', img)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)


def test_the_partners_page_groups_them_by_kind_with_their_houses(partners_pages):
    ors = make_house(short_name="Les Ors", slug="les-ors")
    make_partner(name="Ville (exemple)", kind=Partner.Kind.FUNDER, is_sample=True)
    make_partner(ors, name="Fédération des centres sociaux", kind=Partner.Kind.NETWORK)
    make_partner(name="CAF", kind=Partner.Kind.PARTNER, description="Agrée les centres sociaux.")

    response = Client().get("/partenaires/")

    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<main id="contenu"')[1].split("</main>")[0]
    headings = re.findall(r"<h2 id=\"partenaires-[^\"]+\">([^<]+)</h2>", main)
    assert headings == ["Financeurs", "Partenaires", "Réseaux"]
    network = main.split(">Réseaux</h2>")[1]
    assert "Fédération des centres sociaux" in network and "Les Ors" in network
    funders = main.split(">Financeurs</h2>")[1].split("</section>")[0]
    assert "Toute la Coopération" in funders
    assert "Exemple" in funders  # an example is said to be one
    assert "Agrée les centres sociaux." in main


def test_a_house_page_names_its_partners_only(partners_pages):
    ors = make_house(short_name="Les Ors", slug="les-ors")
    other = make_house(short_name="Saint-Nicolas", slug="saint-nicolas")
    make_partner(ors, name="Fédération des centres sociaux", kind=Partner.Kind.NETWORK)
    make_partner(other, name="Département de la Drôme", kind=Partner.Kind.FUNDER)

    html = Client().get("/maisons/les-ors/").content.decode()
    section = html.split('aria-labelledby="partenaires"')[1].split("</section>")[0]

    assert "Fédération des centres sociaux" in section
    assert "Département de la Drôme" not in section


def test_house_page_and_partners_page_queries_do_not_grow_with_the_partners(
    client, partners_pages, page_cache_off, django_assert_max_num_queries
):
    house = make_house(slug="les-ors")
    make_partner(house, logo=make_image("a.png", size=(480, 240)), alt_text="A")
    make_partner()
    urls = ["/maisons/les-ors/", "/partenaires/", "/"]
    with_few = {url: count_queries(client, url) for url in urls}
    for n in range(12):
        make_partner(house, logo=make_image(f"l{n}.png", size=(480, 240)), alt_text="L")
        make_partner(house, kind=Partner.Kind.FUNDER)

    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(with_few[url]):
            assert client.get(url).status_code == 200
