"""The fees' admin in French: a grid's bands refused at the field, each team its own house."""

import pytest
from django.contrib.auth import get_user_model

from coop_site.roles import COOPERATION_WIDE_GROUP
from houses.models import FeeBand, FeeGrid, Season
from houses.services import cooperation_group_ensure
from membership.models import FinancialHelp, MembershipTerms
from tests.houses.factories import make_activity, make_staff_house, make_staff_user

from .factories import current_season, make_grid, make_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_houses():
    return make_staff_house(short_name="Alpha"), make_staff_house(short_name="Bêta")


@pytest.fixture
def alpha_team(client, two_houses):
    client.force_login(make_staff_user(get_user_model(), houses=[two_houses[0]]))
    return client


def grid_form(house, season, bands, **fields):
    """The grid's add form with its inline bands, as the admin posts it."""
    data = {
        "house": house.pk,
        "season": season.pk,
        "name": "Accueil de loisirs",
        "unit": "la journée",
        "bands-TOTAL_FORMS": str(len(bands)),
        "bands-INITIAL_FORMS": "0",
        "bands-MIN_NUM_FORMS": "1",
        "bands-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, (qf_from, qf_to, price) in enumerate(bands):
        data[f"bands-{index}-qf_from"] = qf_from
        data[f"bands-{index}-qf_to"] = qf_to
        data[f"bands-{index}-price"] = price
    return data


def post_grid(client, house, bands):
    response = client.post("/admin/houses/feegrid/add/", grid_form(house, current_season(), bands))
    return response, response.content.decode()


def band_errors(response):
    """{(band index, field): [messages]} of the inline formset."""
    formset = response.context["inline_admin_formsets"][0].formset
    return {
        (index, field): list(messages)
        for index, form in enumerate(formset.forms)
        for field, messages in form.errors.items()
    }


def test_a_team_saves_a_grid_of_its_house_with_its_bands(alpha_team, two_houses):
    alpha, _beta = two_houses

    response, _html = post_grid(
        alpha_team, alpha, [("0", "500", "2"), ("501", "900", "6"), ("901", "", "12")]
    )

    assert response.status_code == 302
    grid = FeeGrid.objects.get(house=alpha)
    assert [(b.qf_from, b.qf_to, int(b.price)) for b in grid.bands.all()] == [
        (0, 500, 2),
        (501, 900, 6),
        (901, None, 12),
    ]


@pytest.mark.parametrize(
    "bands, where, message",
    [
        (
            [("0", "500", "2"), ("400", "", "6")],
            (1, "qf_from"),
            "Cette tranche chevauche la tranche « de 0 à 500 € » : un même quotient aurait deux prix.",
        ),
        (
            [("0", "500", "2"), ("600", "", "6")],
            (1, "qf_from"),
            "Il manque la tranche de 501 à 599 € : cette tranche doit commencer à 501 € "
            "(juste après « de 0 à 500 € »).",
        ),
        ([("0", "", "-1")], (0, "price"), "Un prix ne peut pas être négatif."),
        (
            [("0", "500", "2"), ("900", "501", "6")],
            (1, "qf_to"),
            "La fin de la tranche (501 €) ne peut pas être inférieure à son début (900 €).",
        ),
        (
            [("100", "", "2")],
            (0, "qf_from"),
            "La première tranche doit commencer à 0 € : sinon, un quotient inférieur à 100 € "
            "n'aurait pas de prix.",
        ),
        (
            [("0", "500", "2")],
            (0, "qf_to"),
            "Laissez vide la fin de la dernière tranche (« et plus ») : sinon, un quotient "
            "supérieur à 500 € n'aurait pas de prix.",
        ),
    ],
    ids=["chevauchement", "trou", "prix négatif", "fin avant début", "ne part pas de 0", "fermée"],
)
def test_a_grid_whose_bands_do_not_fit_is_refused_at_the_band(
    alpha_team, two_houses, bands, where, message
):
    alpha, _beta = two_houses

    response, _html = post_grid(alpha_team, alpha, bands)

    assert response.status_code == 200
    assert message in band_errors(response)[where]
    assert not FeeGrid.objects.exists() and not FeeBand.objects.exists()


def test_a_grid_without_bands_is_refused(alpha_team, two_houses):
    response, html = post_grid(alpha_team, two_houses[0], [])

    assert response.status_code == 200
    assert not FeeGrid.objects.exists()
    assert "Veuillez envoyer au moins 1 formulaire." in html or "au moins une tranche" in html


def test_a_team_gets_403_on_another_house_s_grid_and_terms_and_does_not_list_them(
    alpha_team, two_houses
):
    alpha, beta = two_houses
    ours, theirs = make_grid(alpha, name="Grille Alpha"), make_grid(beta, name="Grille Bêta")
    our_terms, their_terms = make_terms(alpha), make_terms(beta)

    listing = alpha_team.get("/admin/houses/feegrid/").content.decode()
    assert "Grille Alpha" in listing and "Grille Bêta" not in listing
    assert alpha_team.get(f"/admin/houses/feegrid/{ours.pk}/change/").status_code == 200
    assert alpha_team.get(f"/admin/houses/feegrid/{theirs.pk}/change/").status_code == 403
    assert (
        alpha_team.post(f"/admin/houses/feegrid/{theirs.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert FeeGrid.objects.filter(pk=theirs.pk).exists()

    terms_url = "/admin/membership/membershipterms/"
    assert alpha_team.get(f"{terms_url}{our_terms.pk}/change/").status_code == 200
    assert alpha_team.get(f"{terms_url}{their_terms.pk}/change/").status_code == 403
    assert alpha_team.post(f"{terms_url}{their_terms.pk}/change/", {}).status_code == 403
    listing = alpha_team.get(terms_url).content.decode()
    assert f"{terms_url}{our_terms.pk}/change/" in listing
    assert f"{terms_url}{their_terms.pk}/change/" not in listing


def test_a_team_cannot_put_a_grid_or_terms_on_another_house(alpha_team, two_houses):
    alpha, beta = two_houses

    form = alpha_team.get("/admin/houses/feegrid/add/").content.decode()
    houses = form.split('name="house"')[1].split("</select>")[0]
    assert f'value="{alpha.pk}"' in houses and f'value="{beta.pk}"' not in houses
    response, _html = post_grid(alpha_team, beta, [("0", "", "2")])
    assert response.status_code == 200
    assert "house" in response.context["adminform"].form.errors
    assert not FeeGrid.objects.exists()

    response = alpha_team.post(
        "/admin/membership/membershipterms/add/",
        {"house": beta.pk, "season": current_season().pk, "individual_fee": "5"},
    )
    assert response.status_code == 200
    assert not MembershipTerms.objects.exists()


def test_terms_refuse_a_negative_fee_and_a_second_sheet_for_the_season(alpha_team, two_houses):
    alpha, _beta = two_houses
    season = current_season()
    url = "/admin/membership/membershipterms/add/"
    data = {"house": alpha.pk, "season": season.pk, "individual_fee": "-5", "family_fee": "10"}

    response = alpha_team.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["individual_fee"] == ["Un montant ne peut pas être négatif."]

    assert alpha_team.post(url, {**data, "individual_fee": "5"}).status_code == 302
    response = alpha_team.post(url, {**data, "individual_fee": "6"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["season"] == [
        "Cette maison a déjà sa fiche d'adhésion pour cette saison : modifiez-la."
    ]
    assert MembershipTerms.objects.get().individual_fee == 5


def test_a_team_adds_a_missing_help_but_does_not_change_the_shared_list(alpha_team):
    caf = FinancialHelp.objects.create(name="CAF")

    response = alpha_team.post(
        "/admin/membership/financialhelp/add/", {"name": "Pass'Sport", "order": 2}
    )
    assert response.status_code == 302
    assert FinancialHelp.objects.filter(name="Pass'Sport").exists()
    assert alpha_team.get(f"/admin/membership/financialhelp/{caf.pk}/change/").status_code in (
        200,  # the view permission shows it read-only
        403,
    )
    alpha_team.post(f"/admin/membership/financialhelp/{caf.pk}/change/", {"name": "Autre"})
    caf.refresh_from_db()
    assert caf.name == "CAF"
    assert (
        alpha_team.post(
            f"/admin/membership/financialhelp/{caf.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )


def test_only_administrators_create_seasons(alpha_team, client, admin_user):
    data = {"label": "2030-2031", "starts_on": "01/09/2030", "ends_on": "31/08/2031"}
    assert alpha_team.post("/admin/houses/season/add/", data).status_code == 403

    client.force_login(admin_user)
    assert client.post("/admin/houses/season/add/", data).status_code == 302
    response = client.post(
        "/admin/houses/season/add/",
        {"label": "2031", "starts_on": "01/01/2031", "ends_on": "31/12/2031"},
    )
    assert response.status_code == 200
    assert (
        "chevauchent la saison « 2030-2031 »"
        in response.context["adminform"].form.errors["starts_on"][0]
    )
    response = client.post(
        "/admin/houses/season/add/",
        {"label": "2040-2041", "starts_on": "01/09/2041", "ends_on": "31/08/2040"},
    )
    assert response.context["adminform"].form.errors["ends_on"] == [
        "La fin de la saison doit suivre son début."
    ]
    assert Season.objects.count() == 1


def test_the_cooperation_wide_group_manages_every_house_s_fees(client, two_houses):
    _alpha, beta = two_houses
    cooperation_group_ensure()
    client.force_login(make_staff_user(get_user_model(), groups=[COOPERATION_WIDE_GROUP]))
    theirs = make_grid(beta)

    assert client.get(f"/admin/houses/feegrid/{theirs.pk}/change/").status_code == 200


def test_a_quotient_activity_needs_a_grid_of_the_team_s_houses(alpha_team, two_houses):
    alpha, beta = two_houses
    ours, theirs = make_grid(alpha, name="Grille Alpha"), make_grid(beta, name="Grille Bêta")
    activity = make_activity(alpha, title="Mercredis")

    form = alpha_team.get(f"/admin/houses/activity/{activity.pk}/change/").content.decode()
    choices = form.split('name="fee_grid"')[1].split("</select>")[0]
    assert f'value="{ours.pk}"' in choices and f'value="{theirs.pk}"' not in choices

    data = {
        "title": "Mercredis",
        "slug": activity.slug,
        "houses": [alpha.pk],
        "category": "enfance",
        "weekday": "2",
        "price_kind": "quotient",
        "status": "places",
    }
    response = alpha_team.post(f"/admin/houses/activity/{activity.pk}/change/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["fee_grid"] == [
        "Choisissez la grille tarifaire selon le quotient familial."
    ]
    response = alpha_team.post(
        f"/admin/houses/activity/{activity.pk}/change/", {**data, "fee_grid": theirs.pk}
    )
    assert response.status_code == 200
    assert "fee_grid" in response.context["adminform"].form.errors

    response = alpha_team.post(
        f"/admin/houses/activity/{activity.pk}/change/", {**data, "fee_grid": ours.pk}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.fee_grid == ours
