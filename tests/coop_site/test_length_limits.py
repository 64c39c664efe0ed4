"""Length limits are shown where people type, and longer text is refused, never cut.

A browser silently cuts what is pasted into a field with a `maxlength`
attribute; the site shows the limit in the help text instead, counts live
(static/js/char-counter.js, tested in tests/browser/test_char_counter.py) and
refuses longer text at the field with a French message.
"""

import re

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from coop_site.cms_wizards import gallery_wizard, news_wizard
from coop_site.limits import slug_within
from news.models import NewsItem

pytestmark = pytest.mark.django_db

LONG_TITLE = ("Une fête de quartier " * 8)[:161]


def field_html(page, name):
    """The input or textarea `name` of a page, and the help text tied to it."""
    tree = lxml_html.fromstring(page)
    field = tree.xpath(f'//*[@name="{name}"]')[0]
    described = field.get("aria-describedby", "").split()
    helps = [tree.get_element_by_id(i).text_content() for i in described if i.endswith("helptext")]
    return field, " ".join(helps)


def test_long_title_fixture_is_just_over_the_limit():
    assert len(LONG_TITLE) == 161


def test_news_admin_form_shows_the_title_limit_and_does_not_cut(client, admin_user):
    client.force_login(admin_user)
    page = client.get(reverse("admin:news_newsitem_add")).content.decode()

    title, help_text = field_html(page, "title")
    assert "160 caractères au plus" in help_text
    assert title.get("maxlength") is None  # the browser would cut a pasted title
    assert title.get("data-maxlength-counter") == "160"
    teaser, teaser_help = field_html(page, "teaser")
    assert "400 caractères au plus" in teaser_help
    assert teaser_help.strip().startswith("Deux ou trois phrases")  # the limit is appended
    assert teaser.get("data-maxlength-counter") == "400"


def test_a_161_character_news_title_is_refused_at_the_field(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:news_newsitem_add"),
        {
            "title": LONG_TITLE,
            "slug": "fete",
            "published_on": "2026-06-21",
            "teaser": "Une fête.",
            "status": "draft",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "au plus 160 caractères (actuellement 161)" in " ".join(errors["title"])
    assert not NewsItem.objects.exists()


def start_wizard(client, wizard):
    data = {
        "wizard_create_view-current_step": "0",
        "0-entry": wizard.id,
        "0-language": "fr",
    }
    return client.post(reverse("cms_wizard_create"), data)


def wizard(name):
    return {"Nouvelle actualité": news_wizard, "Nouvelle galerie": gallery_wizard}[name]


def test_news_wizard_refuses_a_long_title_and_shows_the_limit(client, admin_user):
    client.force_login(admin_user)
    page = start_wizard(client, wizard("Nouvelle actualité")).content.decode()
    _title, help_text = field_html(page, "1-title")
    assert "160 caractères au plus" in help_text

    response = client.post(
        reverse("cms_wizard_create"),
        {
            "wizard_create_view-current_step": "1",
            "1-title": LONG_TITLE,
            "1-published_on": "2026-06-21",
            "1-teaser": "Une fête.",
        },
    )

    assert "au plus 160 caractères (actuellement 161)" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_gallery_wizard_title_is_limited_to_what_the_gallery_keeps(client, admin_user):
    """The wizard's title becomes the gallery's title (120 characters), refused beyond."""
    client.force_login(admin_user)
    page = start_wizard(client, wizard("Nouvelle galerie")).content.decode()

    title, help_text = field_html(page, "1-title")
    assert "120 caractères au plus" in help_text
    response = client.post(
        reverse("cms_wizard_create"),
        {"wizard_create_view-current_step": "1", "1-title": "x" * 121},
    )
    assert "au plus 120 caractères (actuellement 121)" in response.content.decode()


def test_public_contact_form_shows_its_limits(client):
    from houses.forms import ContactForm

    rendered = str(ContactForm()["subject"].as_field_group())
    assert "160 caractères au plus" in rendered
    assert not re.search(r"\smaxlength=", rendered)


def test_slugs_made_from_long_titles_are_cut_between_words():
    slug = slug_within("Une fête de quartier pour tout le monde", 24)
    assert slug == "une-fete-de-quartier"
    assert slug_within("anticonstitutionnellement", 10) == "anticonsti"
