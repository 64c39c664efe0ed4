"""The staff guide in the admin: staff only, every chapter and image, nothing else of the disk."""

import re

import pytest

from coop_site.guide.chapters import GUIDE_DIR, IMAGES_DIR, chapters

pytestmark = pytest.mark.django_db

CHAPTER_LINK = re.compile(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)")


@pytest.fixture
def staff(django_user_model):
    """A staff member with no permission at all: the guide is for every role."""
    return django_user_model.objects.create_user("dominique", password="x", is_staff=True)


@pytest.mark.parametrize("url", ["/admin/guide/", "/admin/guide/publier/"])
def test_anonymous_visitors_get_the_admin_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_a_logged_in_non_staff_user_gets_the_admin_login(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("voisin", password="x"))
    response = client.get("/admin/guide/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    image = chapters()[0].image_names()[0]
    assert client.get(f"/admin/guide/images/{image}").status_code == 302


def test_every_staff_member_finds_the_guide_on_the_admin_s_first_screen(client, staff):
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert 'href="/admin/guide/"' in html
    assert "<strong>Guide de l'équipe</strong>" in html


def test_the_index_lists_every_chapter_in_order_and_each_chapter_reads(client, staff):
    client.force_login(staff)
    index = client.get("/admin/guide/").content.decode()
    positions = [index.index(f'href="/admin/guide/{chapter.slug}/"') for chapter in chapters()]
    assert positions == sorted(positions)
    assert len(chapters()) >= 9
    for chapter in chapters():
        html = client.get(f"/admin/guide/{chapter.slug}/").content.decode()
        assert f"<h1>{chapter.title}</h1>" in html
        # Images and links to other chapters point at the guide's own pages.
        assert 'src="images/' not in html
        assert not re.search(r'href="[^"]*\.md"', html)
        for name in chapter.image_names():
            assert f'src="/admin/guide/images/{name}"' in html


def test_an_unknown_chapter_is_a_404(client, staff):
    client.force_login(staff)
    assert client.get("/admin/guide/n-existe-pas/").status_code == 404


def test_images_are_served_to_staff_and_nothing_else_of_the_disk(client, staff):
    client.force_login(staff)
    name = chapters()[0].image_names()[0]
    response = client.get(f"/admin/guide/images/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == (IMAGES_DIR / name).read_bytes()
    for attempt in [
        "../01-creer-une-page.md",
        "..%2F01-creer-une-page.md",
        "..%2F..%2F..%2Fpyproject.toml",
        "%2e%2e%2f%2e%2e%2fcoop_site%2fsettings.py",
        "..%5C..%5Cpyproject.toml",
        "/etc/passwd",
        "%2Fetc%2Fpasswd",
        ".png",
        "n-existe-pas.png",
        f"{name}%00.md",
        name.replace(".png", ".PNG"),
    ]:
        response = client.get(f"/admin/guide/images/{attempt}")
        # 400: the site refuses a NUL byte in an address before any view.
        assert response.status_code in (400, 404), attempt


def test_the_cms_toolbar_links_to_the_guide(client, staff):
    from tests.news.factories import home_page

    home_page()
    client.force_login(staff)
    html = client.get("/").content.decode()
    assert '<a href="/admin/guide/"><span>Guide de l&#x27;équipe' in html


def test_the_tracked_images_are_exactly_those_the_chapters_show():
    """`make guide` writes them (tests/browser/test_guide.py); none missing, none left over."""
    shown = {name for chapter in chapters() for name in chapter.image_names()}
    stored = {path.name for path in IMAGES_DIR.iterdir()}
    assert sorted(shown - stored) == [], "montrées par le guide, absentes de docs/guide/images"
    assert sorted(stored - shown) == [], "dans docs/guide/images, montrées par aucun chapitre"
    total = sum(path.stat().st_size for path in IMAGES_DIR.iterdir())
    assert total < 3_000_000


def test_links_between_chapters_lead_to_chapters():
    files = {path.name for path in GUIDE_DIR.glob("*.md")}
    for chapter in chapters():
        for target in CHAPTER_LINK.findall(chapter.source):
            assert target in files, f"{chapter.path.name} → {target}"
