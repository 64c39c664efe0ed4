"""Staff: the admin in French, scoped to each house's team."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from coop_site.roles import COOPERATION_WIDE_GROUP
from houses.models import ContactMessage, Event, House
from houses.services import cooperation_group_ensure

from .factories import make_activity, make_event, make_staff_house, make_staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_houses():
    return make_staff_house(short_name="Alpha"), make_staff_house(short_name="Bêta")


def test_each_house_gets_its_team_group_with_the_staff_permissions(two_houses):
    alpha, _beta = two_houses

    assert alpha.staff_group.name == "Équipe Alpha"
    codenames = set(alpha.staff_group.permissions.values_list("codename", flat=True))
    assert {"change_event", "add_activity", "view_contactmessage"} <= codenames
    assert "change_commitmentprogress" in codenames  # a new house keeps its charter too
    assert {"change_house", "add_openinghours", "add_closure"} <= codenames  # its own house
    assert not {"add_house", "delete_house", "manage_all_houses"} & codenames
    assert "delete_contactmessage" not in codenames


def test_migration_created_the_cooperation_wide_group(django_db_setup):
    group = Group.objects.filter(name=COOPERATION_WIDE_GROUP).first()

    assert group is not None
    assert group.permissions.filter(codename="change_event").exists()


def test_staff_of_house_a_gets_403_on_house_b_event_and_does_not_list_it(client, two_houses):
    alpha, beta = two_houses
    user = make_staff_user(get_user_model(), houses=[alpha])
    ours = make_event(alpha, title="Atelier Alpha")
    theirs = make_event(beta, title="Fête Bêta")
    client.force_login(user)

    changelist = client.get("/admin/houses/event/")
    assert changelist.status_code == 200
    assert "Atelier Alpha" in changelist.content.decode()
    assert "Fête Bêta" not in changelist.content.decode()
    assert client.get(f"/admin/houses/event/{ours.pk}/change/").status_code == 200
    assert client.get(f"/admin/houses/event/{theirs.pk}/change/").status_code == 403
    assert (
        client.post(f"/admin/houses/event/{theirs.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert Event.objects.filter(pk=theirs.pk).exists()


def event_form(**fields):
    """The admin's event add form, filled as staff would: 1 December 2026, 10 h to 12 h."""
    return {
        "theme": "atelier",
        "audience": "tous",
        "starts_at_0": "01/12/2026",
        "starts_at_1": "10:00",
        "ends_at_0": "01/12/2026",
        "ends_at_1": "12:00",
        "place_house": "",
        **fields,
    }


def test_staff_can_only_organise_events_for_their_house(client, two_houses):
    alpha, beta = two_houses
    user = make_staff_user(get_user_model(), houses=[alpha])
    client.force_login(user)

    form = client.get("/admin/houses/event/add/").content.decode()
    organiser = form.split('name="organiser"')[1].split("</select>")[0]
    assert f'value="{alpha.pk}"' in organiser and f'value="{beta.pk}"' not in organiser

    data = event_form(title="Intrus", slug="intrus", organiser=beta.pk, place_name="Salle")
    response = client.post("/admin/houses/event/add/", data)
    assert response.status_code == 200  # the form comes back with an error
    assert not Event.objects.filter(slug="intrus").exists()

    response = client.post("/admin/houses/event/add/", {**data, "organiser": alpha.pk})
    assert response.status_code == 302
    assert Event.objects.get(slug="intrus").organiser == alpha


def test_an_event_cannot_take_the_address_of_the_agenda_s_week_page(client, two_houses):
    alpha, _beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))
    data = event_form(title="Semaine", slug="semaine", organiser=alpha.pk, place_house=alpha.pk)

    response = client.post("/admin/houses/event/add/", data)

    assert response.status_code == 200
    assert "est déjà l&#x27;adresse d&#x27;une page de l&#x27;agenda" in response.content.decode()
    assert not Event.objects.filter(slug="semaine").exists()
    assert (
        client.post("/admin/houses/event/add/", {**data, "slug": "semaine-bleue"}).status_code
        == 302
    )


def test_activities_and_messages_are_scoped_too(client, two_houses):
    alpha, beta = two_houses
    user = make_staff_user(get_user_model(), houses=[alpha])
    client.force_login(user)
    theirs = make_activity(beta, title="Chorale Bêta")
    shared = make_activity(alpha, beta, title="Conserverie partagée")
    message = ContactMessage.objects.create(
        house=beta, name="Camille", phone="0600000000", subject="Question", message="Bonjour"
    )

    listing = client.get("/admin/houses/activity/").content.decode()
    assert "Conserverie partagée" in listing and "Chorale Bêta" not in listing
    assert client.get(f"/admin/houses/activity/{theirs.pk}/change/").status_code == 403
    assert client.get(f"/admin/houses/activity/{shared.pk}/change/").status_code == 200
    assert client.get(f"/admin/houses/contactmessage/{message.pk}/change/").status_code == 403


def test_cooperation_wide_staff_see_every_house(client, two_houses):
    alpha, beta = two_houses
    cooperation_group_ensure()
    user = make_staff_user(get_user_model(), groups=[COOPERATION_WIDE_GROUP])
    client.force_login(user)
    make_event(alpha, title="Atelier Alpha")
    theirs = make_event(beta, title="Fête Bêta")

    listing = client.get("/admin/houses/event/").content.decode()
    assert "Atelier Alpha" in listing and "Fête Bêta" in listing
    assert client.get(f"/admin/houses/event/{theirs.pk}/change/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/houses/house/",
        "/admin/houses/house/add/",
        "/admin/houses/activity/",
        "/admin/houses/activity/add/",
        "/admin/houses/event/",
        "/admin/houses/event/add/",
        "/admin/houses/contactmessage/",
        "/admin/houses/commonbaseitem/",
        "/admin/houses/keyfigure/",
        "/admin/houses/action/",
    ],
)
def test_admin_pages_answer_in_french(admin_client, url):
    response = admin_client.get(url)

    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()


def test_house_change_page_has_inlines_and_sample_flag(admin_client, two_houses):
    alpha, _ = two_houses

    html = admin_client.get(f"/admin/houses/house/{alpha.pk}/change/").content.decode()

    assert "Horaires d" in html and "opening_hours-TOTAL_FORMS" in html
    assert "closures-TOTAL_FORMS" in html and "approvals-TOTAL_FORMS" in html
    assert "contient des exemples" in html.lower()


def test_saving_a_new_house_in_the_admin_creates_its_team(admin_client):
    response = admin_client.post(
        "/admin/houses/house/add/",
        {
            "name": "Maison nouvelle",
            "short_name": "Nouvelle",
            "slug": "nouvelle",
            "kind": "centre_social",
            "city": "Romans-sur-Isère",
            "order": "5",
            **{
                f"{prefix}-{key}": value
                for prefix in ("opening_hours", "closures", "approvals", "figures")
                for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
            },
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert House.objects.get(slug="nouvelle").staff_group.name == "Équipe Nouvelle"


def test_toolbar_offers_new_event_and_activity_and_the_house_links(client, two_houses, reload_urls):
    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()
    alpha, beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    own = client.get(alpha.get_absolute_url()).content.decode()
    other = client.get(beta.get_absolute_url()).content.decode()

    assert "Nouvel événement" in own and "/admin/houses/event/add/" in own
    assert "Nouvelle activité" in own and "/admin/houses/activity/add/" in own
    assert f"/admin/houses/event/?organiser__id__exact={alpha.pk}" in own
    assert f"/admin/houses/contactmessage/?house__id__exact={alpha.pk}" in own
    assert "Nouvel événement" in other
    assert f"organiser__id__exact={beta.pk}" not in other
    # Its own house's hours and presentation; nothing on another house's page.
    assert f"/admin/houses/house/{alpha.pk}/change/" in own
    assert f"/admin/houses/house/{beta.pk}/change/" not in other
    # The team writes its own house's presentation, not another's.
    assert "Écrire la présentation" in own
    assert "Écrire la présentation" not in other


def test_toolbar_is_absent_for_visitors(client, two_houses, reload_urls):
    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()

    assert "Nouvel événement" not in client.get(two_houses[0].get_absolute_url()).content.decode()


def test_presentation_is_editable_in_the_cms_edit_mode(admin_client, two_houses, reload_urls):
    from cms.toolbar.utils import get_object_edit_url

    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()
    alpha, _ = two_houses

    response = admin_client.get(get_object_edit_url(alpha))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" + alpha.name + "</h1>" in html
    assert f'"placeholder_id": "{alpha.presentation.pk}"' in html or (
        f"cms-placeholder-{alpha.presentation.pk}" in html
    )


# --- An empty presentation gets its first text in the structure board ------------


def structure_board(client, house):
    from cms.toolbar.utils import get_object_structure_url

    response = client.get(get_object_structure_url(house, "fr"))
    assert response.status_code == 200
    return response.content.decode()


def add_text_url(placeholder, plugin_type="TextPlugin"):
    from urllib.parse import urlencode

    from django.urls import reverse

    query = {
        "placeholder_id": placeholder.pk,
        "plugin_type": plugin_type,
        "plugin_language": "fr",
        "plugin_position": 1,
    }
    return reverse("admin:cms_placeholder_add_plugin") + "?" + urlencode(query)


def test_a_team_puts_a_note_in_its_presentation_but_no_layout_block_and_nothing_elsewhere(
    client, two_houses, reload_urls
):
    from cms.models import Placeholder

    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()
    alpha, beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))
    structure_board(client, alpha)
    own = Placeholder.objects.get_for_obj(alpha).get(slot="presentation")
    note = {"kind": "warning", "title": "Fermeture exceptionnelle", "text": "Fermé le 11 novembre."}

    response = client.post(add_text_url(own, "NotePlugin"), note)

    assert response.status_code == 200
    client.logout()
    html = client.get(alpha.get_absolute_url()).content.decode()
    assert "Fermeture exceptionnelle" in html and "Fermé le 11 novembre." in html
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))
    assert client.get(add_text_url(own, "GridPlugin")).status_code == 403
    other = Placeholder.objects.create(source=beta, slot="presentation")
    assert client.post(add_text_url(other, "NotePlugin"), note).status_code == 403


@pytest.mark.parametrize("who", ["administrateur", "équipe"])
def test_an_empty_presentation_gets_its_first_text_from_the_structure_board(
    client, admin_user, two_houses, reload_urls, who
):
    from cms.models import Placeholder

    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()
    alpha, _ = two_houses
    user = (
        admin_user if who == "administrateur" else make_staff_user(get_user_model(), houses=[alpha])
    )
    client.force_login(user)
    assert not Placeholder.objects.get_for_obj(alpha).exists()  # a new house: nothing yet

    html = structure_board(client, alpha)

    # The board lists the presentation, with its French name and its "+" menu.
    placeholder = Placeholder.objects.get_for_obj(alpha).get(slot="presentation")
    assert f"cms-placeholder-{placeholder.pk}" in html
    assert f"cms-plugin-child-classes-{placeholder.pk}" in html
    assert "Présentation" in html
    response = client.post(add_text_url(placeholder), {"body": "<p>Une maison ouverte.</p>"})
    assert response.status_code == 200
    client.logout()
    assert "Une maison ouverte." in client.get(alpha.get_absolute_url()).content.decode()


def test_an_empty_action_text_gets_its_first_text_from_the_structure_board(
    admin_client, client, reload_urls
):
    from cms.models import Placeholder

    from houses.models import Action

    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()
    action = Action.objects.create(title="Jardins partagés", slug="jardins", first_year=2024)

    html = structure_board(admin_client, action)

    placeholder = Placeholder.objects.get_for_obj(action).get(slot="body")
    assert f"cms-placeholder-{placeholder.pk}" in html
    assert '"name": "Texte principal"' in html
    response = admin_client.post(add_text_url(placeholder), {"body": "<p>Des potagers.</p>"})
    assert response.status_code == 200
    assert "Des potagers." in client.get(action.get_absolute_url()).content.decode()


def test_an_empty_presentation_shows_how_to_write_it_to_its_team_only(
    client, two_houses, reload_urls
):
    from cms.toolbar.utils import get_object_edit_url

    from .conftest import create_houses_pages

    create_houses_pages()
    reload_urls()
    alpha, beta = two_houses
    hint = "Présentation vide"

    assert hint not in client.get(alpha.get_absolute_url()).content.decode()  # visitors
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))
    own = client.get(get_object_edit_url(alpha, "fr")).content.decode()
    assert hint in own
    # The toolbar's structure switch, without which the board's « + » does nothing.
    assert "data-cms-structure-btn" in own
    assert hint not in client.get(beta.get_absolute_url()).content.decode()


def test_data_migration_gives_existing_houses_their_team_group():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("houses.migrations.0003_staff_groups")
    house = House.objects.create(name="Maison ancienne", short_name="Ancienne", slug="ancienne")

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # running twice changes nothing

    house.refresh_from_db()
    assert house.staff_group.name == "Équipe Ancienne"
    assert Group.objects.filter(name="Équipe Ancienne").count() == 1
    assert house.staff_group.permissions.filter(codename="add_event").exists()
    # Run with the real app registry, the migration leaves the houses app as it
    # found it: otherwise a later database flush recreates no houses permission
    # and every team loses its rights in the tests that follow.
    assert apps.get_app_config("houses").models_module is not None


# --- Shared activities: a team keeps the other houses it cannot see -------------


def change_form(client, url, form_id):
    from tests.roles.html_forms import form_data

    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), form_data(response.content.decode(), form_id)


@pytest.fixture
def shared_gym():
    ors = make_staff_house(name="Maison de quartier des Ors", short_name="Les Ors")
    noel = make_staff_house(
        name="Maison Citoyenne Noël Guichard", short_name="Noël Guichard", slug="noel-guichard"
    )
    gym = make_activity(ors, noel, title="Gym douce", slug="gym-douce")
    return ors, noel, gym


def test_a_team_saving_a_shared_activity_keeps_the_other_house(client, shared_gym):
    ors, noel, gym = shared_gym
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))
    url = f"/admin/houses/activity/{gym.pk}/change/"

    html, data = change_form(client, url, "activity_form")
    assert data["houses"] == [str(ors.pk)]  # the team's select offers its own house only
    assert "Aussi proposée par : Maison Citoyenne Noël Guichard (gérée par son équipe)" in html

    response = client.post(url, {**data, "summary": "Étirements en douceur."})

    assert response.status_code == 302, response.content.decode()[:3000]
    gym.refresh_from_db()
    assert gym.summary == "Étirements en douceur."
    assert set(gym.houses.all()) == {ors, noel}


def test_a_team_cannot_take_its_own_houses_off_a_shared_activity(client, shared_gym):
    ors, noel, gym = shared_gym
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))
    url = f"/admin/houses/activity/{gym.pk}/change/"
    _html, data = change_form(client, url, "activity_form")

    response = client.post(url, {**data, "houses": []})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["houses"]
    assert "Gardez au moins une de vos maisons" in errors[0]
    assert set(gym.houses.all()) == {ors, noel}


def test_a_team_cannot_delete_a_shared_activity_for_the_other_house(client, shared_gym):
    from houses.models import Activity

    ors, noel, gym = shared_gym
    own = make_activity(ors, title="Couture", slug="couture")
    client.force_login(make_staff_user(get_user_model(), houses=[ors]))

    change = client.get(f"/admin/houses/activity/{gym.pk}/change/").content.decode()
    assert f"/admin/houses/activity/{gym.pk}/delete/" not in change  # no « Supprimer »
    assert client.get(f"/admin/houses/activity/{gym.pk}/delete/").status_code == 403
    assert (
        client.post(f"/admin/houses/activity/{gym.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    bulk = {"action": "delete_selected", "_selected_action": [gym.pk, own.pk]}
    confirmation = client.post("/admin/houses/activity/", bulk).content.decode()
    assert "« Gym douce », partagée(s) avec une autre maison" in confirmation
    assert client.post("/admin/houses/activity/", {**bulk, "post": "yes"}).status_code == 403
    assert set(Activity.objects.values_list("title", flat=True)) == {"Gym douce", "Couture"}
    assert set(gym.houses.all()) == {ors, noel}

    # An activity of its own house only is deleted as before.
    client.post(f"/admin/houses/activity/{own.pk}/delete/", {"post": "yes"})
    assert not Activity.objects.filter(pk=own.pk).exists()


def test_an_administrator_sees_and_changes_every_house_of_an_activity(admin_client, shared_gym):
    ors, noel, gym = shared_gym
    url = f"/admin/houses/activity/{gym.pk}/change/"
    html, data = change_form(admin_client, url, "activity_form")
    assert sorted(data["houses"]) == sorted([str(ors.pk), str(noel.pk)])
    assert "Aussi proposée par" not in html

    response = admin_client.post(url, {**data, "houses": [str(noel.pk)]})

    assert response.status_code == 302
    assert list(gym.houses.all()) == [noel]


# --- Each team changes its own house -------------------------------------------


def test_a_team_changes_its_own_house_hours_and_closures_only(client, two_houses):
    from tests.roles.html_forms import form_data

    alpha, beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))
    url = f"/admin/houses/house/{alpha.pk}/change/"

    listing = client.get("/admin/houses/house/")
    assert listing.status_code == 200
    assert alpha.name in listing.content.decode() and beta.name not in listing.content.decode()
    assert client.get(f"/admin/houses/house/{beta.pk}/change/").status_code == 403
    assert client.get("/admin/houses/house/add/").status_code == 403
    assert (
        client.post(f"/admin/houses/house/{alpha.pk}/delete/", {"post": "yes"}).status_code == 403
    )

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    data = form_data(html, "house_form")
    assert {"phone", "tagline", "opening_hours-TOTAL_FORMS", "closures-TOTAL_FORMS"} <= set(data)
    assert not {"name", "slug", "kind", "staff_group", "approvals-TOTAL_FORMS"} & set(data)

    data.update(
        {
            "phone": "04 75 00 00 01",
            "opening_hours-TOTAL_FORMS": ["1"],
            "opening_hours-0-weekday": ["2"],
            "opening_hours-0-opens": ["14:00"],
            "opening_hours-0-closes": ["18:00"],
            "closures-TOTAL_FORMS": ["1"],
            "closures-0-kind": ["fermeture"],
            "closures-0-starts_on": ["24/12/2026"],
            "closures-0-ends_on": ["02/01/2027"],
            "closures-0-reason": ["Fêtes de fin d'année"],
        }
    )
    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    alpha.refresh_from_db()
    assert alpha.phone == "04 75 00 00 01"
    assert [(h.weekday, str(h.opens)) for h in alpha.opening_hours.all()] == [(2, "14:00:00")]
    assert alpha.closures.get().reason == "Fêtes de fin d'année"


def test_the_admin_index_leads_a_team_to_its_house(client, two_houses):
    alpha, _beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    html = client.get("/admin/").content.decode()

    link = f'<a href="/admin/houses/house/{alpha.pk}/change/"><strong>Ma maison : {alpha.name}'
    assert link in html


def test_administrators_keep_every_field_of_a_house(admin_client, two_houses):
    from tests.roles.html_forms import form_data

    alpha, _beta = two_houses

    html = admin_client.get(f"/admin/houses/house/{alpha.pk}/change/").content.decode()

    assert {"name", "slug", "kind", "staff_group", "approvals-TOTAL_FORMS"} <= set(
        form_data(html, "house_form")
    )
    assert "Ma maison" not in admin_client.get("/admin/").content.decode()


def test_a_team_of_one_house_finds_it_chosen_in_a_new_object_s_required_house_fields(
    client, two_houses
):
    """An event's organiser, an activity's houses: no « --------- » left to pick by hand."""
    alpha, _beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    event_form_page = client.get("/admin/houses/event/add/").content.decode()
    organiser = event_form_page.split('name="organiser"')[1].split("</select>")[0]
    assert f'<option value="{alpha.pk}" selected>' in organiser
    # Optional: an event may be elsewhere (an AGORA session), so it stays empty.
    place = event_form_page.split('name="place_house"')[1].split("</select>")[0]
    assert "selected" not in place.replace('value="" selected', "")
    activity_form = client.get("/admin/houses/activity/add/").content.decode()
    houses = activity_form.split('name="houses"')[1].split("</select>")[0]
    assert f'<option value="{alpha.pk}" selected>' in houses


def test_a_team_of_two_houses_chooses_itself(client, two_houses):
    alpha, beta = two_houses
    client.force_login(make_staff_user(get_user_model(), houses=[alpha, beta]))

    organiser = (
        client.get("/admin/houses/event/add/")
        .content.decode()
        .split('name="organiser"')[1]
        .split("</select>")[0]
    )
    assert f'<option value="{alpha.pk}" selected>' not in organiser


def test_a_team_s_list_filters_offer_only_what_its_list_holds(client, two_houses):
    """The filter « organisé par » of the events lists the team's house, not every house."""
    alpha, beta = two_houses
    Event.objects.create(
        title="Chez alpha",
        slug="chez-alpha",
        starts_at=timezone.now(),
        ends_at=timezone.now(),
        organiser=alpha,
        place_house=alpha,
        theme=Event.Theme.WORKSHOP,
    )
    client.force_login(make_staff_user(get_user_model(), houses=[alpha]))

    listing = client.get("/admin/houses/event/").content.decode()
    # One house to choose from: Django shows no filter at all, which is right.
    assert f"organiser__id__exact={beta.pk}" not in listing
    assert "?theme__exact=atelier" in listing  # the other filters stay
