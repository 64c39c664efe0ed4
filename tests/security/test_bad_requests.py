"""The request bad-input catalogue: each odd request gets a 4xx or a page, in French, never a 500.

Read it as a table: `CASES` below lists (what, method, address, accepted statuses).
The demo site is loaded once and the whole table is walked, so a failure names every
case that failed. Runs on SQLite and on PostgreSQL (DATABASE_URL).
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGE_OR_404 = {200, 404}
BAD = {400}

ENGLISH = ("Bad Request", "Forbidden", "Not Found", "Server Error", "CSRF verification failed")


def lists():
    """Every paginated list of the site."""
    return {
        "activités": reverse("activities:list"),
        "agenda": reverse("agenda:list"),
        "actualités": reverse("news:list"),
        "documents": reverse("documents:library"),
        "charte": reverse("charter:detail"),
        "évaluation": reverse("evaluation:index"),
        "recherche": reverse("search:results") + "?q=maison",
        "maisons": reverse("houses:list"),
    }


def cases():
    table = []
    for name, url in lists().items():
        join = "&" if "?" in url else "?"
        for page in ("-1", "abc", "999999", "0", "1e9"):
            table.append((f"{name} page={page}", "GET", f"{url}{join}page={page}", PAGE_OR_404))
    search = reverse("search:results")
    agenda = reverse("agenda:list")
    table += [
        ("recherche q=NUL", "GET", f"{search}?q=%00", BAD),
        ("recherche q=UTF-8 invalide", "GET", f"{search}?q=%ff%fe", BAD),
        ("recherche type=NUL", "GET", f"{search}?q=a&type=%00", BAD),
        ("recherche paramètre de 8 Ko", "GET", f"{search}?q={'a' * 8192}", {200, 400}),
        ("agenda mois=NUL", "GET", f"{agenda}?mois=%00", BAD),
        ("agenda mois inconnu", "GET", f"{agenda}?mois=1999-13", {404}),
        ("agenda mois hors bornes", "GET", f"{agenda}?mois=1850-01", {404}),
        ("agenda semaine=abc", "GET", reverse("agenda:week") + "?semaine=abc", {200, 400, 404}),
        ("charte thème inconnu", "GET", reverse("charter:detail") + "?theme=%00", BAD),
        ("page CMS NUL", "GET", "/la-cooperation/%00/", BAD),
        ("page CMS UTF-8 invalide", "GET", "/la-cooperation/%ff%fe/", BAD),
        ("accueil NUL", "GET", "/%00", BAD),
        ("agenda .ics NUL", "GET", "/agenda/%00.ics", BAD),
        ("événement NUL", "GET", agenda + "%00/", BAD),
        ("actualité NUL", "GET", reverse("news:list") + "a%00b/", BAD),
        ("média NUL", "GET", "/media/%00.pdf", BAD),
        ("statique NUL", "GET", "/static/%00.css", BAD),
        ("maison inconnue", "GET", reverse("houses:detail", args=["inconnue"]), {404}),
        ("actualité inconnue", "GET", reverse("news:detail", args=["inconnue"]), {404}),
        ("événement inconnu", "GET", reverse("agenda:detail", args=["inconnu"]), {404}),
        ("événement .ics inconnu", "GET", reverse("agenda:ics", args=["inconnu"]), {404}),
        ("activité inconnue", "GET", reverse("activities:detail", args=["inconnue"]), {404}),
        ("évaluation 1999", "GET", reverse("evaluation:index") + "1999/", {404}),
        ("évaluation 9999", "GET", reverse("evaluation:index") + "9999/", {404}),
        ("évaluation année=abc", "GET", reverse("evaluation:index") + "abc/", {404}),
        ("charte version inconnue", "GET", reverse("charter:version", args=[999]), {404}),
        ("page CMS inconnue", "GET", "/n-existe-pas/", {404}),
        (
            "paramètres de trop",
            "GET",
            search
            + "?"
            + "&".join(f"p{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)),
            BAD,
        ),
        (
            "1001 paramètres",
            "GET",
            search + "?" + "&".join(f"p{i}=1" for i in range(1001)),
            BAD,
        ),
    ]
    return table


def assert_french_page(response, what):
    html = response.content.decode(errors="replace")
    assert 'lang="fr"' in html, f"{what}: pas une page du site ({response.status_code})"
    for english in ENGLISH:
        assert english not in html, f"{what}: page en anglais ({english!r})"


def test_the_catalogue_of_odd_requests(demo):
    client = Client(raise_request_exception=False)
    failures = []
    for what, method, url, accepted in cases():
        response = getattr(client, method.lower())(url)
        if response.status_code not in accepted:
            failures.append(f"{what}: {response.status_code}, attendu {sorted(accepted)}")
            continue
        if response.status_code >= 400:
            try:
                assert_french_page(response, what)
            except AssertionError as error:
                failures.append(str(error))
    assert not failures, "\n".join(failures)


def test_a_bad_host_gets_the_french_400(demo):
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="pirate.example")
    assert response.status_code == 400
    assert_french_page(response, "Host inconnu")
    assert "Demande incorrecte" in response.content.decode()


def test_a_post_without_csrf_gets_the_french_403(demo, django_user_model):
    # The staff login keeps Django's token (the contact form is checked by origin
    # instead: tests/security/test_cookies.py).
    django_user_model.objects.create_user("redac", password="un-mot-de-passe-solide", is_staff=True)
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    response = client.post(
        reverse("admin:login"), {"username": "redac", "password": "un-mot-de-passe-solide"}
    )
    assert response.status_code == 403
    assert_french_page(response, "POST sans CSRF")
    assert "Formulaire expiré" in response.content.decode()
    assert "sessionid" not in response.cookies


def test_an_oversized_body_gets_the_french_400(demo):
    body = "q=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = Client(raise_request_exception=False).post(
        reverse("search:results"), data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert_french_page(response, "corps trop gros")


def test_nul_in_a_contact_form_field_is_a_french_field_error(demo):
    from houses.models import ContactMessage, House

    house = House.objects.neighbourhood_houses().first()
    response = Client(raise_request_exception=False).post(
        reverse("houses:contact", args=[house.slug]),
        {
            "name": "Al\x00ex",
            "email": "alex@example.org",
            "subject": "Bon\x00jour",
            "message": "a\x00b",
        },
    )
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert (
            "caractères nuls" in response.content.decode()
            or "caractère nul" in response.content.decode()
        )
    assert not ContactMessage.objects.exists()


PAYLOAD = '"><script>alert(1)</script> javascript:alert(1)'


def plain_text_fields(model):
    from django.db import models

    for field in model._meta.concrete_fields:
        if type(field) not in (models.CharField, models.TextField):
            continue
        if field.choices or (field.max_length and field.max_length < len(PAYLOAD) + 6):
            continue
        yield field.name


def test_script_and_javascript_urls_in_every_public_text_field_are_escaped(demo):
    from charter.models import CharterSection, Commitment, Theme
    from documents.models import Document
    from evaluation.models import Report
    from galleries.models import Gallery
    from houses.models import Action, Activity, CommonBaseItem, Event, House, KeyFigure
    from news.models import NewsItem

    client = Client(raise_request_exception=False)
    pages = set(lists().values()) | {"/", "/la-cooperation/"}
    for model in (
        House,
        Activity,
        Event,
        NewsItem,
        Document,
        Report,
        Gallery,
        KeyFigure,
        CommonBaseItem,
        Action,
        Theme,
        Commitment,
        CharterSection,
    ):
        for obj in model.objects.all()[:2]:
            names = list(plain_text_fields(model))
            model.objects.filter(pk=obj.pk).update(**{name: f"{PAYLOAD}{obj.pk}" for name in names})
            if hasattr(obj, "get_absolute_url"):
                try:
                    pages.add(obj.get_absolute_url())
                except Exception:
                    pass
    # Every plugin's own text fields (titles, captions, labels), rich text aside
    # (sanitised on save: tests/security/test_rich_text.py).
    from cms.plugin_pool import plugin_pool

    for plugin in plugin_pool.get_all_plugins():
        names = list(plain_text_fields(plugin.model))
        if names and plugin.model.__name__ != "Text":
            plugin.model.objects.update(**{name: PAYLOAD for name in names})
    pages.add(reverse("search:results") + "?q=" + PAYLOAD.replace(" ", "+"))
    failures, shown = walk(client, pages)
    assert shown > 10, "the payload must actually be rendered (escaped) on the public pages"
    # The same pages with the CMS toolbar, and every CMS page in edit mode (a
    # published page's edit URL leads to its preview, with the toolbar).
    from cms.models import PageContent
    from cms.toolbar.utils import get_object_edit_url
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("admin-xss", "a@example.org", "x")
    client.force_login(editor)
    edit_urls = {get_object_edit_url(content) for content in PageContent.admin_manager.all()}
    edit_failures, shown = walk(client, edit_urls, follow=True)
    assert shown, "the payload must be rendered (escaped) in edit mode"
    failures += edit_failures + walk(client, pages)[0]
    assert not failures, "\n".join(failures)


def walk(client, pages, follow=False):
    """The failures, and how many pages show the payload escaped."""
    failures, shown = [], 0
    for url in sorted(pages):
        response = client.get(url, follow=follow)
        html = response.content.decode()
        if response.status_code >= 500:
            failures.append(f"{url}: {response.status_code}")
        if "<script>alert" in html or 'href="javascript:' in html:
            failures.append(f"{url}: texte non échappé")
        shown += "&lt;script&gt;alert(1)" in html
    return failures, shown
