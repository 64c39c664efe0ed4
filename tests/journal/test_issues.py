"""The journal: every issue newest first, its cover drawn from its PDF, also in /documents/."""

import datetime

import pytest
from django.urls import reverse
from lxml import html as lxml_html
from PIL import Image

from coop_site.demo import ensure_page
from journal import demo
from journal.models import Issue
from journal.services import issue_derive
from tests.documents.factories import library_page, make_document, make_file, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(reload_urls):
    ensure_page(
        reverse_id="journal",
        title="Le journal",
        slug="journal",
        apphook="JournalApphook",
        apphook_namespace="journal",
    )
    library_page()
    reload_urls()


def make_issue(number, *, published_on=None, contents=(), file=None, derive=True, **fields):
    fields.setdefault("is_published", True)
    issue = Issue(
        number=number,
        published_on=published_on or datetime.date(2018, number, 1),
        pdf=file or make_file(f"journal-{number}.pdf", pdf_bytes(4)),
        **fields,
    )
    issue.full_clean()
    issue.save()
    for title, page in contents:
        issue.contents.create(title=title, page=page)
    if derive:
        issue_derive(issue=issue)
    return issue


def form_data(pdf, **overrides):
    data = {
        "number": "12",
        "title": "",
        "published_on": "01/06/2026",
        "pdf": pdf.pk,
        "contents-TOTAL_FORMS": "1",
        "contents-INITIAL_FORMS": "0",
        "contents-MIN_NUM_FORMS": "0",
        "contents-MAX_NUM_FORMS": "1000",
        "contents-0-title": "La fête de quartier",
        "contents-0-page": "2",
    }
    data.update(overrides)
    return data


def test_the_cover_is_drawn_from_the_first_page_of_the_pdf_when_saved(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    pdf = make_file("journal-12.pdf", pdf_bytes(3))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:journal_issue_add"), form_data(pdf))

    assert response.status_code == 302, response.context["adminform"].form.errors
    issue = Issue.objects.get()
    assert issue.page_count == 3
    assert issue.cover and issue.cover.name.endswith(".webp")
    with Image.open(issue.cover.path) as cover:
        assert cover.format == "WEBP"
        assert cover.size == (issue.cover_width, issue.cover_height)
        assert abs(cover.width - 480) <= 1 and cover.height > cover.width  # A4, portrait
    assert [(e.title, e.page) for e in issue.contents.all()] == [("La fête de quartier", 2)]


def test_a_file_that_is_not_a_pdf_is_refused_at_its_field_in_french(client, editor):
    client.force_login(editor)
    fake = make_file("journal.pdf", b"<html>pas un pdf</html>")

    response = client.post(reverse("admin:journal_issue_add"), form_data(fake))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["pdf"]
    assert "n'est pas un fichier accepté" in errors[0]
    assert not Issue.objects.exists()


def test_a_contents_page_beyond_the_last_page_is_refused(client, editor):
    client.force_login(editor)
    issue = make_issue(1)  # 4 pages
    data = form_data(issue.pdf, number="1", **{"contents-0-page": "9"})

    response = client.post(reverse("admin:journal_issue_change", args=[issue.pk]), data)

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "Le numéro n'a que 4 pages" in str(formset.errors)


def test_the_same_number_twice_is_refused_in_french(client, editor):
    client.force_login(editor)
    make_issue(12, published_on=datetime.date(2026, 1, 1))

    response = client.post(
        reverse("admin:journal_issue_add"), form_data(make_file("autre.pdf", pdf_bytes()))
    )

    assert (
        "Ce numéro du journal existe déjà." in response.context["adminform"].form.errors["number"]
    )


def test_the_journal_page_lists_every_issue_newest_first_with_its_contents(client, pages):
    make_issue(1, contents=[("La Conserverie", 1), ("L'agenda", 3)])
    make_issue(3, title="Spécial AGORA")
    make_issue(2)
    make_issue(4, is_published=False)

    response = client.get(reverse("journal:list"))

    tree = lxml_html.fromstring(response.content)
    titles = [
        h.text_content().strip()
        for h in tree.xpath('//article[contains(@class, "journal-issue")]//h2')
    ]
    assert titles == ["Journal n° 3 : Spécial AGORA", "Journal n° 2", "Journal n° 1"]
    first = tree.get_element_by_id("numero-1")
    assert [li.text_content().split() for li in first.xpath(".//li")] == [
        ["La", "Conserverie", "p.", "1"],
        ["L'agenda", "p.", "3"],
    ]
    cover = first.xpath(".//img")[0]
    assert cover.get("src").endswith(".webp")
    assert cover.get("width") == str(Issue.objects.get(number=1).cover_width)
    links = [a.get("href") for a in first.xpath(".//a")]
    assert Issue.objects.get(number=1).pdf.url in links


def test_the_published_issues_are_in_the_documents_library(client, pages):
    make_document("Plaquette", year=2018, published_on=datetime.date(2018, 1, 15))
    make_document("Rapport 2017", year=2017, published_on=datetime.date(2017, 6, 1))
    make_issue(5, published_on=datetime.date(2018, 5, 1), contents=[("La radio", 2)])
    make_issue(6, published_on=datetime.date(2018, 6, 1), is_published=False)

    page = client.get("/documents/").content.decode()

    assert "Journal n° 5" in page
    assert "Journal n° 6" not in page
    assert page.index("Journal n° 5") < page.index("Plaquette")  # newest first
    assert Issue.objects.get(number=5).pdf.url in page
    in_2017 = client.get("/documents/", {"year": "2017"}).content.decode()
    assert "Rapport 2017" in in_2017 and "Journal n° 5" not in in_2017
    assert "Journal n° 5" in client.get("/documents/", {"year": "2018"}).content.decode()


def test_the_demo_loader_makes_sample_issues_with_covers_once(client, reload_urls):
    out = open("/dev/null", "w")

    demo.load(stdout=out)
    demo.load(stdout=out)
    reload_urls()

    issues = list(Issue.objects.all())
    assert len(issues) == len(demo.DATA["issues"])
    assert all(issue.is_sample and issue.cover and issue.contents.exists() for issue in issues)
    page = client.get(reverse("journal:list")).content.decode()
    assert "Exemple" in page


def test_a_published_issue_is_found_by_its_contents(
    client, pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_issue(7, contents=[("Les courgettes du jardin partagé", 2)])
        make_issue(8, contents=[("Les courgettes en brouillon", 2)], is_published=False)

    page = client.get("/recherche/", {"q": "courgettes"}).content.decode()

    assert "Journal n° 7" in page
    assert "Journal n° 8" not in page
