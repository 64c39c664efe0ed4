"""The "Documents à télécharger" plugin on a CMS page."""

import io
from urllib.parse import urlencode

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from djangocms_versioning.models import Version
from filer.models import File

from documents.models import Document
from news.models import NewsItem

from .factories import make_document, make_file, pdf_bytes

pytestmark = pytest.mark.django_db


def page_with_documents(user, **data):
    page = create_page(
        "Nos rapports", "pages/one_column.html", "fr", slug="rapports", created_by=user
    )
    content = PageContent.admin_manager.get(page=page, language="fr")
    placeholder = content.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "DocumentsPlugin", "fr", **data)
    return content, plugin


def test_link_says_what_it_downloads(client, admin_user):
    report = make_document(
        "Rapport d'activité 2018",
        file=make_file("ra-2018.pdf", pdf_bytes(pages=3, padding=300 * 1024)),
    )
    content, plugin = page_with_documents(admin_user, title="Nos rapports")
    plugin.documents.add(report)
    Version.objects.get_for_content(content).publish(admin_user)

    html = client.get("/rapports/").content.decode()

    assert '<h2 id="documents-' in html
    assert f'href="{report.file.url}" download>' in html
    assert "« Rapport d&#x27;activité 2018 »</span> (PDF, 30" in html
    assert "ko, 3 pages)" in html


def test_without_a_choice_the_latest_published_documents_show(client, admin_user):
    for year in (2015, 2016, 2017):
        make_document(f"Rapport {year}", year=year)
    make_document("Brouillon", year=2019, is_published=False)
    make_document("Privé", year=2019, file=make_file("prive.pdf", is_public=False))
    content, _ = page_with_documents(admin_user, limit=2)
    Version.objects.get_for_content(content).publish(admin_user)

    html = client.get("/rapports/").content.decode()

    assert "Rapport 2017" in html and "Rapport 2016" in html
    assert "Rapport 2015" not in html
    assert "Brouillon" not in html and "Privé" not in html


def test_a_new_draft_keeps_the_chosen_documents(client, admin_user):
    chosen = make_document("Plaquette", year=2016)
    make_document("Autre", year=2019)
    content, plugin = page_with_documents(admin_user)
    plugin.documents.add(chosen)
    version = Version.objects.get_for_content(content)
    version.publish(admin_user)

    version.copy(admin_user).publish(admin_user)

    html = client.get("/rapports/").content.decode()
    assert "Plaquette" in html and "Autre" not in html


# --- Sending a new document from the block ------------------------------------


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def news_body(db):
    from tests.news.factories import make_news

    return make_news(title="La fête", status=NewsItem.Status.DRAFT).body


def add_url(placeholder):
    return "/admin/cms/placeholder/add-plugin/?" + urlencode(
        {
            "placeholder_id": placeholder.pk,
            "plugin_type": "DocumentsPlugin",
            "plugin_language": "fr",
            "plugin_position": 1,
        }
    )


def block_data(**data):
    return {"title": "Documents à télécharger", "limit": 5, **data}


def test_a_file_sent_from_the_block_becomes_a_public_published_document(
    client, editor, news_body, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    form = client.get(add_url(news_body)).content.decode()
    assert "Envoyer un nouveau document" in form
    assert 'enctype="multipart/form-data"' in form

    upload = SimpleUploadedFile("programme-de-la-fete_2026.pdf", pdf_bytes(pages=2))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add_url(news_body), block_data(upload_file=upload))

    assert response.status_code == 200
    document = Document.objects.get()
    assert document.title == "Programme de la fete 2026"  # from the file name
    assert document.is_published and document.kind == Document.Kind.PDF
    assert document.page_count == 2
    assert document.year == timezone.localdate().year
    assert document.published_on == timezone.localdate()
    assert document.file.is_public and document.file.folder.name == "Documents"
    assert document.file.original_filename == "programme-de-la-fete_2026.pdf"
    assert document.file.owner == editor
    assert list(Document.objects.published()) == [document]
    block = news_body.get_plugins().get().get_bound_plugin()
    assert list(block.documents.all()) == [document]
    # Visitors download the file itself.
    assert client.get(document.file.url).status_code == 200


def test_an_image_sent_with_a_title_and_houses_keeps_them(client, editor, news_body):
    from filer.models import Image

    from tests.news.factories import make_house

    house = make_house()
    client.force_login(editor)
    upload = SimpleUploadedFile("affiche.png", png_bytes())
    client.post(
        add_url(news_body),
        block_data(
            upload_file=upload,
            upload_title="L'affiche de la fête",
            upload_year=2025,
            upload_houses=[house.pk],
        ),
    )

    document = Document.objects.get()
    assert (document.title, document.year, document.kind) == (
        "L'affiche de la fête",
        2025,
        Document.Kind.IMAGE,
    )
    assert list(document.houses.all()) == [house]
    assert isinstance(document.file, Image)


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("programme.pdf", b"Juste du texte, pas un PDF.", "n&#x27;est pas un fichier accept"),
        ("programme.pdf", None, "mais son nom se termine par « .pdf »"),
        ("programme.pdf", b"%PDF-1.4 coupe", "Ce PDF est incomplet"),
        ("rapport.docx", b"PK\x03\x04 pas vraiment un zip", "n&#x27;est pas un fichier accept"),
        ("page.html", b"<html><script>alert(1)</script></html>", "Formats accept"),
    ],
)
def test_a_bad_file_is_refused_at_its_field_and_nothing_is_lost(
    client, editor, news_body, filename, data, message
):
    kept = make_document("Plaquette", year=2016)
    block = add_plugin(news_body, "DocumentsPlugin", "fr", title="Nos documents")
    block.documents.add(kept)
    client.force_login(editor)

    upload = SimpleUploadedFile(filename, png_bytes() if data is None else data)
    response = client.post(
        f"/admin/cms/placeholder/edit-plugin/{block.pk}/",
        block_data(title="Nouveau titre", documents=[kept.pk], upload_file=upload),
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert list(form.errors) == ["upload_file"]
    html = response.content.decode()
    assert message in html
    assert 'value="Nouveau titre"' in html  # what was typed is still there
    block.refresh_from_db()
    assert block.title == "Nos documents"
    assert list(block.documents.all()) == [kept]
    assert list(Document.objects.all()) == [kept]
    assert File.objects.count() == 1  # only the kept document's file


def test_a_title_without_a_file_is_refused_at_the_file_field(client, editor, news_body):
    client.force_login(editor)
    response = client.post(add_url(news_body), block_data(upload_title="Le programme"))

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["upload_file"]
    assert not news_body.get_plugins().exists()


def test_without_media_library_rights_the_block_offers_no_upload(
    client, django_user_model, news_body
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("sans-mediatheque", password="x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["change_newsitem", "add_documentlist", "change_documentlist"]
        )
    )
    client.force_login(user)
    assert "Envoyer un nouveau document" not in client.get(add_url(news_body)).content.decode()

    upload = SimpleUploadedFile("programme.pdf", pdf_bytes())
    client.post(add_url(news_body), block_data(upload_file=upload))

    assert not Document.objects.exists()
    assert not File.objects.exists()
