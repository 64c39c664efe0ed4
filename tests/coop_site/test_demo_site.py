import io
import re
from html import unescape

import pytest
from cms.api import add_plugin
from cms.models import CMSPlugin, Page, PageContent
from django.core.management import call_command
from djangocms_versioning.models import Version
from filer.models import File

from houses.models import House

DEMO_PAGES = {
    "/": "La Coopération des Maisons de Quartier de Romans-sur-Isère",
    "/la-cooperation/": "La Coopération",
    "/la-cooperation/animer-dans-l-espace-public/": "Animer dans l'espace public",
    "/mentions-legales/": "Mentions légales",
    "/maisons/": "Les maisons",
}


def h1_texts(html):
    return [
        re.sub(r"<[^>]+>", "", m).strip() for m in re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url,title", DEMO_PAGES.items())
def test_every_demo_page_answers_with_its_french_title(client, demo, url, title):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert h1_texts(html) == [title.replace("'", "&#x27;")] or h1_texts(html) == [title]
    assert "<title>" in html and "Maisons de Quartier de Romans" in html
    assert '<main id="contenu"' in html


@pytest.mark.django_db
def test_navigation_lists_every_top_level_page(client, demo):
    html = client.get("/la-cooperation/").content.decode()
    nav = html.split('id="menu-principal"')[1].split("</ul>")[0]

    top_level = PageContent.objects.filter(
        language="fr", in_navigation=True, page__depth=1
    ).values_list("menu_title", "title")
    assert len(top_level) >= 3
    for menu_title, title in top_level:
        assert (menu_title or title).replace("'", "&#x27;") in nav
    assert 'aria-current="page">La Coopération<' in nav
    assert "Mentions légales" not in nav


@pytest.mark.django_db
def test_footer_lists_the_houses_and_the_legal_notice(client, demo):
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]

    for house in House.objects.neighbourhood_houses():
        assert house.name.replace("'", "&#x27;") in footer
        assert f'href="/maisons/{house.slug}/"' in footer
    assert "La Monnaie, quartier est" in footer
    assert 'href="/mentions-legales/"' in footer


@pytest.mark.django_db
def test_demo_figures_are_thumbnails_with_alt_text(client, demo):
    html = client.get("/la-cooperation/").content.decode()
    img = re.search(r'<figure class="figure">\s*<picture><source[^>]+><img[^>]+>', html).group(0)

    assert 'alt="Illustration : la maquette' in img
    assert re.search(r'width="\d+" height="\d+"', img)
    assert "srcset=" in img and " 480w" in img
    assert 'maquette-socle-commun.jpg"' not in img  # never the original


def demo_counts():
    return {
        "pages": Page.objects.count(),
        "contents": PageContent.admin_manager.count(),
        "versions": Version.objects.count(),
        "plugins": CMSPlugin.objects.count(),
        "files": File.objects.count(),
        "houses": House.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(demo):
    before = demo_counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert demo_counts() == before
    assert before["pages"] >= 5 and before["houses"] == 5


@pytest.mark.django_db
def test_anonymous_visitors_never_see_a_draft(client, demo, admin_user):
    page = Page.objects.get(reverse_id="mentions-legales")
    published = PageContent.objects.get(page=page, language="fr")
    draft_version = Version.objects.get_for_content(published).copy(admin_user)
    placeholder = draft_version.content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "fr", body="<p>Texte encore en brouillon</p>")

    assert "Texte encore en brouillon" not in client.get("/mentions-legales/").content.decode()

    draft_version.publish(admin_user)

    assert "Texte encore en brouillon" in client.get("/mentions-legales/").content.decode()


@pytest.mark.django_db
def test_unknown_page_is_a_french_404(client, demo):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_a_vanished_image_file_shows_a_placeholder(client, demo, settings, debug):
    settings.DEBUG = debug
    image = File.objects.get(original_filename="maquette-socle-commun.jpg")
    image.file.storage.delete(image.file.name)

    response = client.get("/la-cooperation/")

    assert response.status_code == 200
    assert 'class="image-missing' in response.content.decode()


@pytest.mark.django_db
def test_home_shows_the_demo_slideshow_after_the_houses(client, demo):
    html = client.get("/").content.decode()

    assert "Les maisons de quartier en images" in html
    assert html.index("Trouver ma maison de quartier") < html.index("en images")
    assert html.count('class="slideshow__title"') == 1
    assert "bandeau-1-accueil" in html  # a rendition of the folder's first picture


# --- The socle commun, in La Coopération's section ------------------------------


def subnav(html):
    return html.split('class="subnav"')[1].split("</nav>")[0]


def assert_socle_commun_in_cooperation(client):
    socle = Page.objects.get(reverse_id="socle-commun")
    assert socle.parent == Page.objects.get(reverse_id="la-cooperation")

    cooperation = client.get("/la-cooperation/").content.decode()
    assert '<a href="/le-socle-commun/">Le socle commun</a>' in subnav(cooperation)
    body = cooperation.split('class="flow prose"')[1]
    assert re.search(
        r'<a href="/le-socle-commun/"><strong>socle commun d\'existence</strong></a>', body
    )
    assert "data-cms-href" not in cooperation  # the link's reference stays in the database
    agora = client.get("/la-cooperation/animer-dans-l-espace-public/").content.decode()
    assert 'href="/le-socle-commun/"' in subnav(agora)
    body = agora.split('class="flow prose"')[1]
    # The text plugin writes accents as entities once the text holds a page link.
    assert '<a href="/le-socle-commun/">socle commun de la Coopération</a>' in unescape(body)

    page = client.get("/le-socle-commun/").content.decode()  # the address printed so far
    assert h1_texts(page) == ["Le socle commun"]
    nav = page.split('id="menu-principal"')[1].split("</ul>")[0]
    assert 'aria-current="true">La Coopération<' in nav  # the section is lit in the menu
    assert "Le socle commun" not in nav
    breadcrumb = page.split('class="breadcrumb"')[1].split("</nav>")[0]
    assert 'href="/la-cooperation/">La Coopération<' in breadcrumb


@pytest.mark.django_db
def test_the_socle_commun_is_in_la_cooperation_section_and_linked_from_its_text(client, demo):
    assert_socle_commun_in_cooperation(client)


@pytest.mark.django_db
def test_a_demo_from_before_moves_the_socle_commun_in_once(client, reload_urls):
    from coop_site import demo as site_demo

    # What the earlier demo built: La Coopération, and the socle commun at the root,
    # out of every menu, unlinked.
    site_demo.load(stdout=io.StringIO())
    site_demo.ensure_page(
        reverse_id="socle-commun",
        title="Le socle commun",
        slug="le-socle-commun",
        in_navigation=False,
        apphook="CommonBaseApphook",
        apphook_namespace="common_base",
    )
    reload_urls()
    assert client.get("/le-socle-commun/").status_code == 200

    call_command("load_demo", stdout=io.StringIO())
    reload_urls()
    after_upgrade = demo_counts()
    call_command("load_demo", stdout=io.StringIO())

    assert Page.objects.filter(reverse_id="socle-commun").count() == 1
    assert (
        PageContent.objects.filter(language="fr", title="Le socle commun").count() == 1
    )  # no second page
    assert_socle_commun_in_cooperation(client)
    assert demo_counts() == after_upgrade
