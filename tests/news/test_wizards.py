"""The creation wizards of the "Créer" button: the forms as the CMS wizard drives them."""

import pytest
from cms.models import PageContent
from cms.wizards.forms import WizardStep2BaseForm, step2_form_factory
from cms.wizards.wizard_pool import entry_choices
from django.contrib.sites.models import Site
from django.test import RequestFactory

from coop_site import cms_wizards
from coop_site.demo import demo_folder
from news.models import NewsItem

from .factories import make_house

pytestmark = pytest.mark.django_db


# The forms as the CMS wizard view builds them (its base form takes the wizard_* kwargs).
NewsItemWizardForm = step2_form_factory(WizardStep2BaseForm, cms_wizards.NewsItemWizardForm)
GalleryPageWizardForm = step2_form_factory(WizardStep2BaseForm, cms_wizards.GalleryPageWizardForm)


def wizard_kwargs(user):
    request = RequestFactory().get("/")
    request.user = user
    return {
        "wizard_language": "fr",
        "wizard_page": None,
        "wizard_site": Site.objects.get_current(),
        "wizard_request": request,
    }


def test_an_editor_is_offered_the_three_wizards(editor, django_user_model):
    titles = [str(label) for _, label in entry_choices(editor, None)]
    assert {"Nouvelle actualité", "Nouvelle galerie"} <= set(titles)
    assert any(title in ("Nouvelle page", "New page") for title in titles)

    nobody = django_user_model.objects.create_user("rien", password="x", is_staff=True)
    assert list(entry_choices(nobody, None)) == []


def test_news_wizard_creates_a_draft_with_its_body(editor):
    house = make_house()
    form = NewsItemWizardForm(
        data={
            "title": "Fête de l'été à Saint-Nicolas",
            "published_on": "2026-06-21",
            "teaser": "Une fête pour tout le quartier.",
            "houses": [house.pk],
            "body": "Premier paragraphe.\n\nSecond paragraphe.",
        },
        **wizard_kwargs(editor),
    )
    assert form.is_valid(), form.errors
    item = form.save()

    assert item.status == NewsItem.Status.DRAFT
    assert item.slug == "fete-de-lete-a-saint-nicolas"
    assert list(item.houses.all()) == [house]
    body = item.body.get_plugins().get().get_bound_plugin().body
    assert body == "<p>Premier paragraphe.</p><p>Second paragraphe.</p>"


def test_news_wizard_makes_a_unique_slug_and_needs_a_title(editor):
    NewsItem.objects.create(title="Fête", slug="fete", teaser="x")
    form = NewsItemWizardForm(
        data={"title": "Fête", "published_on": "2026-06-21", "teaser": "y"},
        **wizard_kwargs(editor),
    )
    assert form.is_valid(), form.errors
    assert form.save().slug == "fete-2"

    empty = NewsItemWizardForm(data={"teaser": "y"}, **wizard_kwargs(editor))
    assert not empty.is_valid()
    assert "title" in empty.errors


def test_gallery_wizard_creates_a_draft_page_with_a_folder_gallery(editor):
    folder = demo_folder("Fête de quartier")
    form = GalleryPageWizardForm(
        data={"title": "Photos de la fête", "slug": "", "folder": folder.pk},
        **wizard_kwargs(editor),
    )
    assert form.is_valid(), form.errors
    page = form.save()

    content = PageContent.admin_manager.get(page=page, language="fr")
    plugin = content.get_placeholders().get(slot="content").get_plugins().get()
    gallery = plugin.get_bound_plugin()
    assert plugin.plugin_type == "GalleryPlugin"
    assert gallery.folder == folder
    assert gallery.title == "Photos de la fête"
    # A draft: visitors do not see it yet.
    assert not PageContent.objects.filter(page=page).exists()


def test_news_wizard_opens_the_new_item_in_structure_mode(editor):
    from cms.toolbar.utils import get_object_structure_url

    item = NewsItem.objects.create(title="Fête", slug="fete", teaser="x")

    url = cms_wizards.news_wizard.get_success_url(item, language="fr")

    assert url == get_object_structure_url(item)
    assert "/structure/" in url


def test_news_wizard_takes_a_document_to_download(editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.models import Document
    from tests.documents.factories import pdf_bytes

    house = make_house()
    data = {
        "title": "Fête de quartier",
        "published_on": "2026-06-21",
        "teaser": "Le programme.",
        "houses": [house.pk],
    }
    upload = SimpleUploadedFile("programme-de-la-fete.pdf", pdf_bytes())
    form = NewsItemWizardForm(data=data, files={"document": upload}, **wizard_kwargs(editor))
    assert "Document à télécharger" in form.as_div()
    assert form.is_valid(), form.errors
    item = form.save()

    document = Document.objects.get()
    assert document.title == "Programme de la fete" and document.is_published
    assert document.file.is_public and list(document.houses.all()) == [house]
    block = item.body.get_plugins().get()
    assert block.plugin_type == "DocumentsPlugin"
    assert list(block.get_bound_plugin().documents.all()) == [document]


def test_news_wizard_refuses_a_fake_document_at_its_field(editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.models import Document

    upload = SimpleUploadedFile("programme.pdf", b"pas un PDF")
    form = NewsItemWizardForm(
        data={"title": "Fête", "published_on": "2026-06-21", "teaser": "y"},
        files={"document": upload},
        **wizard_kwargs(editor),
    )

    assert list(form.errors) == ["document"]
    assert "quel que soit son nom" in form.errors["document"][0]
    assert not NewsItem.objects.exists() and not Document.objects.exists()
