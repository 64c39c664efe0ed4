import pytest

from charter.models import CommitmentProgress
from coop_site.roles import COOPERATION_WIDE_GROUP

from .factories import (
    commitments_of,
    make_charter,
    make_house,
    make_house_staff,
    make_progress,
)

Status = CommitmentProgress.Status
pytestmark = pytest.mark.django_db

YEAR_URL = "/admin/charter/commitmentprogress/annee/"
COPY_URL = "/admin/charter/commitmentprogress/recopier/"


@pytest.fixture
def setup(django_user_model):
    charter = make_charter(sections=(2, 1))
    house_a, house_b = make_house("Saint-Nicolas"), make_house("Les Ors")
    staff_a = make_house_staff(django_user_model, house_a, "camille")
    make_house_staff(django_user_model, house_b, "dominique")
    return charter, house_a, house_b, staff_a


def year_data(house, year, commitments, statuses, done=()):
    data = {"maison": house.pk, "annee": year}
    done = list(done) + [""] * len(commitments)
    for commitment, status, text in zip(commitments, statuses, done, strict=False):
        data[f"status_{commitment.pk}"] = status
        data[f"done_{commitment.pk}"] = text
    return data


def test_staff_of_a_house_cannot_open_or_change_another_house_progress(client, setup):
    charter, house_a, house_b, staff_a = setup
    c1 = commitments_of(charter)[0]
    other = make_progress(house_b, c1, 2025, Status.IN_PROGRESS, done="Rien encore")
    client.force_login(staff_a)

    change_url = f"/admin/charter/commitmentprogress/{other.pk}/change/"
    assert client.get(change_url).status_code == 403
    response = client.post(change_url, {"status": Status.KEPT, "done": "Piraté"})
    assert response.status_code == 403
    assert client.get(YEAR_URL, {"maison": house_b.pk, "annee": 2025}).status_code == 403
    data = year_data(house_b, 2025, [c1], [Status.KEPT], ["Piraté"])
    assert client.post(YEAR_URL, data).status_code == 403
    assert client.post(COPY_URL, {"maison": house_b.pk, "annee": 2026}).status_code == 403

    other.refresh_from_db()
    assert (other.status, other.done) == (Status.IN_PROGRESS, "Rien encore")
    assert not CommitmentProgress.objects.filter(year=2026).exists()
    # The list shows only the staff member's own house.
    listing = client.get("/admin/charter/commitmentprogress/").content.decode()
    assert f"/commitmentprogress/{other.pk}/change/" not in listing
    assert "Les Ors" not in listing


def test_staff_set_a_whole_year_for_their_house_on_one_screen(client, setup):
    charter, house_a, _house_b, staff_a = setup
    c1, c2, c3 = commitments_of(charter)
    client.force_login(staff_a)

    page = client.get(YEAR_URL, {"maison": house_a.pk, "annee": 2025})
    assert page.status_code == 200
    html = page.content.decode()
    for commitment in (c1, c2, c3):
        assert f'name="status_{commitment.pk}"' in html
        assert commitment.text in html

    data = year_data(house_a, 2025, [c1, c2, c3], [Status.KEPT, Status.IN_PROGRESS, ""])
    data[f"done_{c1.pk}"] = "Bacs de tri partout."
    response = client.post(YEAR_URL, data, follow=True)

    assert response.status_code == 200
    assert "Saint-Nicolas, 2025 : 2 engagement(s) enregistré(s)" in response.content.decode()
    saved = {
        e.commitment_id: e for e in CommitmentProgress.objects.filter(house=house_a, year=2025)
    }
    assert set(saved) == {c1.pk, c2.pk}
    assert saved[c1.pk].status == Status.KEPT and saved[c1.pk].done == "Bacs de tri partout."
    assert saved[c1.pk].updated_by == staff_a


def test_text_without_a_status_is_refused_and_nothing_is_saved(client, setup):
    charter, house_a, _house_b, staff_a = setup
    c1, c2, _c3 = commitments_of(charter)
    client.force_login(staff_a)

    data = year_data(house_a, 2025, [c1, c2], [Status.KEPT, ""], ["", "Un texte à garder"])
    response = client.post(YEAR_URL, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisissez un statut pour enregistrer ce qui a été fait." in html
    assert 'aria-invalid="true"' in html
    assert "Un texte à garder" in html  # what was typed is still there
    assert not CommitmentProgress.objects.exists()


def test_emptying_a_status_clears_the_entry(client, setup):
    charter, house_a, _house_b, staff_a = setup
    c1, c2, c3 = commitments_of(charter)
    make_progress(house_a, c1, 2025, Status.KEPT)
    client.force_login(staff_a)

    data = year_data(house_a, 2025, [c1, c2, c3], ["", "", ""])
    response = client.post(YEAR_URL, data, follow=True)

    assert "0 engagement(s) enregistré(s), 1 effacé(s)" in response.content.decode()
    assert not CommitmentProgress.objects.exists()


def test_copy_last_year_starts_the_new_year_in_one_action(client, setup):
    charter, house_a, house_b, staff_a = setup
    c1, c2, c3 = commitments_of(charter)
    make_progress(house_a, c1, 2024, Status.KEPT, done="Ancien texte")
    make_progress(house_a, c2, 2024, Status.IN_PROGRESS)
    make_progress(house_a, c2, 2025, Status.KEPT)  # already set: kept as is
    make_progress(house_b, c3, 2024, Status.KEPT)  # another house: untouched
    client.force_login(staff_a)

    page = client.get(YEAR_URL, {"maison": house_a.pk, "annee": 2025}).content.decode()
    assert "Recopier les statuts de 2024 sur 2025" in page
    response = client.post(COPY_URL, {"maison": house_a.pk, "annee": 2025}, follow=True)

    assert "1 statut de 2024 recopié sur 2025 pour Saint-Nicolas" in response.content.decode()
    new_year = {
        e.commitment_id: e for e in CommitmentProgress.objects.filter(year=2025, house=house_a)
    }
    assert new_year[c1.pk].status == Status.KEPT and new_year[c1.pk].done == ""
    assert new_year[c2.pk].status == Status.KEPT
    assert not CommitmentProgress.objects.filter(house=house_b, year=2025).exists()

    again = client.post(COPY_URL, {"maison": house_a.pk, "annee": 2025}, follow=True)
    assert "Rien à recopier" in again.content.decode()


def test_admin_action_copies_selected_statuses_to_next_year(client, setup, admin_user):
    charter, house_a, house_b, _staff_a = setup
    c1, c2, _c3 = commitments_of(charter)
    first = make_progress(house_a, c1, 2024, Status.KEPT)
    second = make_progress(house_b, c2, 2024, Status.TO_START)
    client.force_login(admin_user)

    response = client.post(
        "/admin/charter/commitmentprogress/",
        {"action": "copy_to_next_year", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )

    assert "2 statuts recopiés sur l&#x27;année suivante." in response.content.decode()
    assert set(CommitmentProgress.objects.filter(year=2025).values_list("house", "status")) == {
        (house_a.pk, Status.KEPT),
        (house_b.pk, Status.TO_START),
    }


def test_cooperation_wide_staff_manage_every_house(client, setup, django_user_model):
    from django.contrib.auth.models import Group, Permission

    charter, _house_a, house_b, _staff_a = setup
    group, _ = Group.objects.get_or_create(name=COOPERATION_WIDE_GROUP)
    group.permissions.set(Permission.objects.filter(codename__endswith="commitmentprogress"))
    user = django_user_model.objects.create_user("coord", password="x", is_staff=True)
    user.groups.add(group)
    client.force_login(user)

    assert client.get(YEAR_URL, {"maison": house_b.pk, "annee": 2025}).status_code == 200


def test_sample_flag_is_visible_in_the_admin_list(client, setup, admin_user):
    charter, house_a, _house_b, _staff_a = setup
    make_progress(house_a, commitments_of(charter)[0], 2025, is_sample=True)
    client.force_login(admin_user)

    html = client.get("/admin/charter/commitmentprogress/").content.decode()

    assert "Donnée d’exemple" in html or "Donnée d&#x27;exemple" in html
    assert "Saisir une année pour une maison" in html
    assert 'alt="True"' in html  # the boolean column's icon


def test_unknown_house_gets_a_message_not_an_error(client, setup, admin_user):
    client.force_login(admin_user)

    response = client.get(YEAR_URL, {"maison": "999999", "annee": "pas-une-année"})

    assert response.status_code == 200
    assert "Cette maison n&#x27;existe pas" in response.content.decode()


def test_toolbar_leads_house_staff_to_the_year_screen(client, setup, charter_page):
    _charter, _house_a, _house_b, staff_a = setup
    client.force_login(staff_a)

    html = client.get("/charte-ecostructure/avancement/").content.decode()

    assert "Saisir l&#x27;avancement d&#x27;une année" in html or "Saisir l'avancement" in html
    assert YEAR_URL in html


def test_cooperation_wide_group_may_update_progress_out_of_the_box():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=COOPERATION_WIDE_GROUP)

    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_commitmentprogress", "change_commitmentprogress"} <= codenames
