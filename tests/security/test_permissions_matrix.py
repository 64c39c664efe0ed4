"""Permissions matrix (issue 12): who gets what, URL by URL, not only through the toolbar.

Five visitors, each a real account in the groups the README names (the house
team is the group of one house): anonymous, editor, house team, evaluation
officer, administrator (the group, not a superuser). Each asks for the site's
protected URLs: the admin, each app's list and add form, another house's
page, a draft page's and a draft news item's CMS screens and public address,
the media library's uploader, an unpublished report and its files, and a
private document file. MATRIX below is the expected answer of each, read as:

- `login`: a redirect to the admin's login page;
- `→200`, `→404`: a redirect elsewhere, then that status (a locked draft's edit
  screen sends a colleague, even an administrator, to its preview; the page
  versions list without a page sends to another screen);
- a status code: 200 shown, 403 refused, 404 not found (nothing says it exists).

A house team's upload without a folder lands in its house's folder (houses.media).

A draft is reported as `200` only when its secret text is on the page, and a
200 for anyone who may not read it fails the test (see `answer`).
"""

import io
import json

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url, get_object_structure_url
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from evaluation.models import Report
from houses.media import house_folder
from news.models import NewsItem
from tests.documents.factories import make_document, make_file
from tests.evaluation.factories import evaluation_page, make_report
from tests.houses.factories import make_event, make_staff_house, make_staff_user
from tests.news.factories import news_page

pytestmark = pytest.mark.django_db

SECRET = "Projet confidentiel 2031"
ROLES = ["anonyme", "éditeur", "maison", "évaluation", "admin"]

# fmt: off
MATRIX = """
url                                anonyme  éditeur  maison  évaluation  admin
admin index                        login    200      200     200         200
users list                         login    403      403     403         200
groups list                        login    403      403     403         200
login lockouts list                login    403      403     403         200
sites list                         login    403      403     403         200
search index list                  login    403      403     403         200
houses list                        login    403      200     403         200
house add form                     login    403      403     403         200
own house change form              login    403      200     403         200
other house change form            login    403      403     403         200
events list                        login    403      200     403         200
event add form                     login    403      200     403         200
other house's event change form    login    403      403     403         200
activities list                    login    403      200     403         200
contact messages list              login    403      200     403         200
key figures list                   login    403      403     403         200
charter progress list              login    403      200     403         200
charter commitments list           login    403      403     403         200
reports list                       login    403      403     200         200
report add form                    login    403      403     200         200
unpublished report change form     login    403      403     200         200
indicators list                    login    403      403     200         200
news list                          login    200      403     403         200
news add form                      login    200      403     403         200
news categories list               login    200      403     403         200
documents list                     login    200      403     403         200
document add form                  login    200      403     403         200
CMS pages list                     login    200      403     403         200
page versions list                 login    →200     →403    →403        →200
media library                      login    200      200     403         200
media upload, no folder            login    200      200     403         200
media upload, own house folder     login    200      200     403         200
media upload, other house folder   login    200      403     403         200
draft page structure               login    200      403     403         200
draft page edit                    login    →200     403     403         →200
draft page preview                 login    200      403     403         200
draft news item structure          login    200      403     403         200
draft news item edit               login    200      403     403         200
draft news item preview            login    200      403     403         200
draft news item public address     404      200      404     404         200
unpublished report page            404      404      404     200         200
unpublished report PDF             404      404      404     200         200
unpublished report cover           404      404      404     200         200
private document file              →404     →404     →404    →404        →404
private document canonical link    404      404      404     404         404
"""
# fmt: on


def matrix():
    """{url label: {role: expected}} from MATRIX."""
    header, *rows = [line for line in MATRIX.strip().splitlines()]
    assert header.split()[1:] == ROLES
    table = {}
    for row in rows:
        label, cells = row[: header.index("anonyme")].strip(), row.split()[-len(ROLES) :]
        table[label] = dict(zip(ROLES, cells, strict=True))
    return table


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def world(db, django_user_model, reload_urls):
    """One of each protected thing, and the five visitors."""
    own = make_staff_house(name="Maison des Ors", short_name="Les Ors", slug="les-ors")
    other = make_staff_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas")
    other_event = make_event(other, title="Fête de Saint-Nicolas")
    users = {
        "éditeur": make_staff_user(django_user_model, groups=["Éditeur·rice"]),
        "maison": make_staff_user(django_user_model, houses=[own]),
        "évaluation": make_staff_user(django_user_model, groups=["Chargé·e d'évaluation"]),
        "admin": make_staff_user(django_user_model, groups=["Administrateur·rice"]),
    }
    # A colleague's draft page (version locking keeps its edit screen to its author).
    author = make_staff_user(django_user_model, groups=["Éditeur·rice"])
    page = create_page("Projet", "pages/one_column.html", "fr", slug="projet", created_by=author)
    draft = PageContent.admin_manager.get(page=page, language="fr")
    add_plugin(draft.get_placeholders().get(slot="content"), "TextPlugin", "fr", body=SECRET)
    news_page()
    evaluation_page()
    reload_urls()
    item = NewsItem.objects.create(
        title="Actualité en préparation", slug="en-preparation", teaser="Bientôt.", status="draft"
    )
    add_plugin(item.body, "TextPlugin", "fr", body=f"<p>{SECRET}</p>")
    report = make_report(year=2031, published=False, title=f"Rapport {SECRET}")
    assert report.cover  # derived from the PDF
    private_file = make_file("budget-interne.pdf", is_public=False)
    make_document(f"Document {SECRET}", year=2031, file=private_file)

    def admin(name, *args):
        return reverse(f"admin:{name}", args=args)

    def upload_to(folder):
        path = f"{folder.pk}/" if folder else "no_folder/"
        return ("POST", f"/admin/filer/clipboard/operations/upload/{path}")

    report_kind = Report.Kind(report.kind).value
    urls = {
        "admin index": admin("index"),
        "users list": admin("auth_user_changelist"),
        "groups list": admin("auth_group_changelist"),
        "login lockouts list": admin("axes_accessattempt_changelist"),
        "sites list": admin("sites_site_changelist"),
        "search index list": admin("search_searchentry_changelist"),
        "houses list": admin("houses_house_changelist"),
        "house add form": admin("houses_house_add"),
        "own house change form": admin("houses_house_change", own.pk),
        "other house change form": admin("houses_house_change", other.pk),
        "events list": admin("houses_event_changelist"),
        "event add form": admin("houses_event_add"),
        "other house's event change form": admin("houses_event_change", other_event.pk),
        "activities list": admin("houses_activity_changelist"),
        "contact messages list": admin("houses_contactmessage_changelist"),
        "key figures list": admin("houses_keyfigure_changelist"),
        "charter progress list": admin("charter_commitmentprogress_changelist"),
        "charter commitments list": admin("charter_commitment_changelist"),
        "reports list": admin("evaluation_report_changelist"),
        "report add form": admin("evaluation_report_add"),
        "unpublished report change form": admin("evaluation_report_change", report.pk),
        "indicators list": admin("evaluation_indicator_changelist"),
        "news list": admin("news_newsitem_changelist"),
        "news add form": admin("news_newsitem_add"),
        "news categories list": admin("news_category_changelist"),
        "documents list": admin("documents_document_changelist"),
        "document add form": admin("documents_document_add"),
        "CMS pages list": admin("cms_pagecontent_changelist"),
        "page versions list": admin("djangocms_versioning_pagecontentversion_changelist"),
        "media library": admin("filer_folder_changelist"),
        "media upload, no folder": upload_to(None),
        "media upload, own house folder": upload_to(house_folder(own)),
        "media upload, other house folder": upload_to(house_folder(other)),
        "draft page structure": get_object_structure_url(draft),
        "draft page edit": get_object_edit_url(draft),
        "draft page preview": get_object_preview_url(draft),
        "draft news item structure": get_object_structure_url(item, "fr"),
        "draft news item edit": get_object_edit_url(item, "fr"),
        "draft news item preview": get_object_preview_url(item, "fr"),
        "draft news item public address": item.get_absolute_url(),
        "unpublished report page": reverse("evaluation:detail", args=[2031]),
        "unpublished report PDF": reverse("evaluation:download", args=[2031, report_kind]),
        "unpublished report cover": reverse("evaluation:cover", args=[2031, report_kind]),
        "private document file": private_file.url,
        # filer gives no canonical link to a private file: the one it had while public.
        "private document canonical link": reverse(
            "canonical", args=[private_file.canonical_time, private_file.pk]
        ),
    }
    return {"users": users, "urls": urls}


def answer(client, url):
    """What the visitor gets at `url`, in MATRIX's words."""
    method, url = url if isinstance(url, tuple) else ("GET", url)
    if method == "POST":
        response = client.post(url, {"file": SimpleUploadedFile("essai.png", png_bytes())})
        if response.status_code == 200:
            # filer's uploader answers 200 with an error in its JSON when it refuses.
            body = json.loads(response.content or b"{}")
            return "200" if body.get("file_id") else f"200 {body.get('error', '')}"
    else:
        response = client.get(url)
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return "login"
        final = client.get(url, follow=True)
        return f"→{final.status_code}"
    body = b"".join(response) if response.streaming else response.content
    if response.status_code != 200 and SECRET.encode() in body:
        return f"{response.status_code} (montre le brouillon)"
    return str(response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_matrix_says(world, role):
    client = Client()
    if role != "anonyme":
        client.force_login(world["users"][role])
    expected = {label: cells[role] for label, cells in matrix().items()}
    assert set(expected) == set(world["urls"])

    got = {label: answer(client, url) for label, url in world["urls"].items()}

    wrong = {
        label: (expected[label], got[label]) for label in expected if got[label] != expected[label]
    }
    assert not wrong, f"{role} : {{adresse: (attendu, obtenu)}} {wrong}"


def test_a_locked_draft_s_edit_screen_shows_a_colleague_the_preview_only(world):
    """The matrix's `→200` for an editor: the edit screen of a colleague's draft."""
    client = Client()
    client.force_login(world["users"]["éditeur"])

    response = client.get(world["urls"]["draft page edit"], follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(world["urls"]["draft page preview"])


def test_the_versions_page_picker_opens_only_for_whoever_may_see_versions(world):
    """The versions list without a page sends to a page picker: for editors only."""
    for role, status in (("maison", 403), ("évaluation", 403), ("éditeur", 200)):
        client = Client()
        client.force_login(world["users"][role])
        response = client.get(world["urls"]["page versions list"], follow=True)
        assert response.status_code == status, role


def test_nobody_but_the_roles_that_may_read_a_draft_sees_its_text(world):
    """A 200 in the matrix is a page the role may read; elsewhere the secret never shows."""
    table = matrix()
    for role in ROLES:
        client = Client()
        if role != "anonyme":
            client.force_login(world["users"][role])
        for label, url in world["urls"].items():
            if isinstance(url, tuple) or table[label][role] == "200":
                continue
            response = client.get(url, follow=True)
            body = b"".join(response) if response.streaming else response.content
            may_read = role in ("éditeur", "admin") and label.startswith("draft")
            assert may_read or SECRET.encode() not in body, (role, label)
