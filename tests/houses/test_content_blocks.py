"""The editors' blocks of the houses app: key figures and event cards, on a real CMS page."""

import datetime

import pytest
from cms.api import add_plugin
from django.utils import timezone
from djangocms_versioning.models import Version

from houses.models import Activity, EventCardsBlock, House, KeyFigure
from tests.galleries.factories import make_page, publish
from tests.houses.conftest import create_houses_pages
from tests.houses.factories import make_activity, make_event, make_house

pytestmark = pytest.mark.django_db


def placeholder(content):
    return content.get_placeholders().get(slot="content")


def public_html(client, slug="galerie"):
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_key_figures_show_their_value_label_year_and_source(client, admin_user):
    volunteers = KeyFigure.objects.create(
        label="bénévoles engagés", qualifier="plus de", value=80, year=2018, source="la Coopération"
    )
    KeyFigure.objects.create(label="salariés permanents", value=24, year=2018)
    content = make_page(admin_user, title="Chiffres", slug="chiffres")
    block = add_plugin(
        placeholder(content), "KeyFiguresPlugin", "fr", title="La Coopération en chiffres"
    )
    block.figures.set([volunteers])
    publish(content, admin_user)

    html = public_html(client, "chiffres")

    assert '<h2 class="section__title" id="figures-' in html
    assert "La Coopération en chiffres" in html
    assert "bénévoles engagés (2018)" in html
    assert "Source : la Coopération" in html
    assert "salariés permanents" not in html, "only the chosen figures"


def test_a_new_version_of_the_page_keeps_the_chosen_figures(admin_user):
    figure = KeyFigure.objects.create(label="associations accueillies", value=90, year=2018)
    content = make_page(admin_user, title="Chiffres", slug="chiffres")
    block = add_plugin(placeholder(content), "KeyFiguresPlugin", "fr", title="En chiffres")
    block.figures.set([figure])
    publish(content, admin_user)

    draft = Version.objects.get_for_content(content).copy(admin_user)

    copied = placeholder(draft.content).get_plugins("fr").get(plugin_type="KeyFiguresPlugin")
    assert list(copied.get_bound_plugin().figures.all()) == [figure]


def test_event_cards_by_rule_show_the_next_events_of_one_house(client, admin_user):
    ors = make_house(slug="les-ors", name="Maison de quartier des Ors")
    other = make_house(slug="saint-nicolas", name="Maison Saint-Nicolas")
    now = timezone.now()
    make_event(ors, title="Repas partagé", starts_at=now + datetime.timedelta(days=3))
    make_event(ors, title="Atelier vélo", starts_at=now + datetime.timedelta(days=1))
    make_event(ors, title="Loto", starts_at=now + datetime.timedelta(days=9))
    make_event(ors, title="Fête passée", starts_at=now - datetime.timedelta(days=9))
    make_event(other, title="Chez les voisins", starts_at=now + datetime.timedelta(days=2))
    content = make_page(admin_user, title="Les Ors", slug="ors")
    add_plugin(
        placeholder(content),
        "EventCardsPlugin",
        "fr",
        title="Les prochains événements des Ors",
        house=ors,
        count=2,
    )
    publish(content, admin_user)

    html = public_html(client, "ors")

    assert "Les prochains événements des Ors" in html
    assert html.index("Atelier vélo") < html.index("Repas partagé"), "next first"
    assert "Loto" not in html, "at most `count` cards"
    assert "Fête passée" not in html and "Chez les voisins" not in html


def test_event_cards_chosen_by_hand_win_over_the_rule_and_drop_once_past(client, admin_user):
    ors = make_house(slug="les-ors", name="Maison de quartier des Ors")
    now = timezone.now()
    chosen = make_event(ors, title="Assemblée générale", starts_at=now + datetime.timedelta(days=5))
    make_event(ors, title="Atelier vélo", starts_at=now + datetime.timedelta(days=1))
    past = make_event(ors, title="Fête passée", starts_at=now - datetime.timedelta(days=9))
    content = make_page(admin_user, title="Les Ors", slug="ors")
    block = add_plugin(
        placeholder(content), "EventCardsPlugin", "fr", title="À ne pas manquer", house=ors
    )
    block.chosen.set([chosen, past])
    publish(content, admin_user)

    html = public_html(client, "ors")

    assert "Assemblée générale" in html
    assert "Atelier vélo" not in html and "Fête passée" not in html


def test_a_cards_block_with_nothing_to_show_is_not_shown_to_visitors(client, admin_user):
    make_house(slug="les-ors", name="Maison de quartier des Ors")
    content = make_page(admin_user, title="Les Ors", slug="ors")
    add_plugin(placeholder(content), "EventCardsPlugin", "fr", title="Les prochains événements")
    publish(content, admin_user)

    html = public_html(client, "ors")

    assert "Les prochains événements" not in html


def test_the_cards_block_refuses_a_count_out_of_range_in_french():
    block = EventCardsBlock(title="Événements", count=40)
    with pytest.raises(Exception) as error:
        block.full_clean(exclude=["placeholder", "language", "plugin_type", "position"])
    assert "Assurez-vous que cette valeur est inférieure ou égale à 12." in str(error.value)


def test_activity_cards_of_a_house_and_a_category_leave_out_finished_ones(client, admin_user):
    ors = make_house(slug="les-ors", name="Maison de quartier des Ors")
    other = make_house(slug="saint-nicolas", name="Maison Saint-Nicolas")
    make_activity(ors, title="Aide aux devoirs", category=Activity.Category.CHILDHOOD)
    make_activity(ors, title="Club lecture", category=Activity.Category.ADULTS)
    make_activity(
        ors,
        title="Atelier terminé",
        category=Activity.Category.CHILDHOOD,
        status=Activity.Status.FINISHED,
    )
    make_activity(other, title="Éveil musical", category=Activity.Category.CHILDHOOD)
    content = make_page(admin_user, title="Enfance", slug="enfance")
    add_plugin(
        placeholder(content),
        "ActivityCardsPlugin",
        "fr",
        title="Pour les enfants aux Ors",
        house=ors,
        category=Activity.Category.CHILDHOOD,
    )
    publish(content, admin_user)

    html = public_html(client, "enfance")

    assert "Aide aux devoirs" in html
    assert "Club lecture" not in html and "Éveil musical" not in html
    assert "Atelier terminé" not in html


def test_house_cards_show_every_neighbourhood_house_with_its_opening(client, admin_user):
    make_house(slug="les-ors", name="Maison de quartier des Ors")
    make_house(slug="saint-nicolas", name="Maison Saint-Nicolas")
    make_house(slug="la-cooperation", name="La Coopération", kind=House.Kind.COOPERATION)
    content = make_page(admin_user, title="Maisons", slug="nos-maisons")
    add_plugin(placeholder(content), "HouseCardsPlugin", "fr", title="Trouver sa maison")
    publish(content, admin_user)

    html = public_html(client, "nos-maisons")

    assert "Maison de quartier des Ors" in html and "Maison Saint-Nicolas" in html
    assert html.count('class="card__title"') == 2, "not the Coopération itself"


def test_a_house_s_contact_form_on_any_page_sends_to_that_house(client, admin_user, reload_urls):
    create_houses_pages()
    reload_urls()
    ors = make_house(slug="les-ors", name="Maison de quartier des Ors", email="ors@example.org")
    content = make_page(admin_user, title="Nous écrire", slug="nous-ecrire")
    add_plugin(placeholder(content), "ContactFormPlugin", "fr", house=ors)
    publish(content, admin_user)

    html = public_html(client, "nous-ecrire")

    assert "Écrire à Maison de quartier des Ors" in html
    assert 'action="/maisons/les-ors/contact/"' in html
    assert "csrfmiddlewaretoken" not in html and not client.cookies, "the page stays cacheable"
    response = client.post(
        "/maisons/les-ors/contact/",
        {
            "name": "Awa",
            "email": "awa@example.org",
            "subject": "Horaires",
            "message": "Bonjour, à quelle heure ?",
        },
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302
    assert ors.contact_messages.get().message == "Bonjour, à quelle heure ?"


def test_the_contact_form_block_is_not_offered_in_a_house_s_presentation():
    from cms.utils.placeholder import get_placeholder_conf

    assert "ContactFormPlugin" in get_placeholder_conf("excluded_plugins", "presentation")
