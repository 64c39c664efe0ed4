"""The demo's fees are examples, loaded once; the old text grids become real grids."""

import importlib
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from houses.models import Activity, FeeGrid, Season
from membership import demo as membership_demo
from membership.models import MembershipTerms

pytestmark = pytest.mark.django_db

convert = importlib.import_module("houses.migrations.0012_fee_grids_from_text")


def test_the_demo_marks_its_fees_as_examples_and_a_second_run_changes_nothing(demo):
    assert MembershipTerms.objects.count() == 4
    assert not MembershipTerms.objects.filter(is_sample=False).exists()
    assert not FeeGrid.objects.filter(is_sample=False).exists()
    wednesdays = Activity.objects.get(slug="accueil-de-loisirs-mercredi")
    assert wednesdays.fee_grid.house.slug == "les-ors"
    assert [(b.qf_from, b.qf_to, b.price) for b in wednesdays.fee_grid.bands.all()] == [
        (0, 500, Decimal("3")),
        (501, 900, Decimal("6")),
        (901, None, Decimal("10")),
    ]
    counts = (Season.objects.count(), FeeGrid.objects.count(), MembershipTerms.objects.count())

    membership_demo.load(stdout=io.StringIO())

    assert (
        Season.objects.count(),
        FeeGrid.objects.count(),
        MembershipTerms.objects.count(),
    ) == counts


def test_the_demo_join_page_answers_with_the_example_notice(client, demo):
    response = client.get(
        "/adherer/", {"quotient": "650", "activite": "accueil-de-loisirs-mercredi"}
    )

    page = response.content.decode().replace("\u00a0", " ")
    assert response.status_code == 200
    assert "Exemple — tarifs à confirmer auprès de la maison" in page
    assert "<strong>6 € la journée</strong>" in page


@pytest.mark.parametrize(
    "text, bands, unit",
    [
        (
            "Quotient familial de 0 à 500 € : 3 € la journée\n"
            "de 501 à 900 € : 6 € la journée\n"
            "au-delà de 900 € : 10 € la journée",
            [(0, 500, Decimal("3")), (501, 900, Decimal("6")), (901, None, Decimal("10"))],
            "la journée",
        ),
        (
            "Quotient familial jusqu'à 600 € : 1 € par personne\nau-delà de 600 € : 3 € par personne",
            [(0, 600, Decimal("1")), (601, None, Decimal("3"))],
            "par personne",
        ),
        (
            "QF < 600 : 1,50 €\nQF >= 600 : 2 €",
            [(0, 599, Decimal("1.50")), (600, None, Decimal("2"))],
            "",
        ),
    ],
)
def test_the_migration_reads_the_demo_s_text_grids(text, bands, unit):
    assert convert.parse_grid(text) == (bands, unit)


@pytest.mark.parametrize(
    "text",
    [
        "QF < 600 : 1 €",  # nothing above 600
        "Tarif solidaire, demandez à l'accueil",
        "de 0 à 500 € : 3 €\nde 600 à 900 € : 6 €\nau-delà de 900 € : 9 €",  # a gap
        "de 0 à 500 € : 3 € la journée\nau-delà de 500 € : 5 € la séance",  # two units
    ],
)
def test_the_migration_leaves_a_text_it_cannot_read(text):
    assert convert.parse_grid(text) is None


@pytest.mark.django_db(transaction=True)
def test_the_migration_converts_what_it_reads_and_keeps_the_rest_for_staff():
    executor = MigrationExecutor(connection)
    executor.migrate([("houses", "0011_fee_grids"), ("membership", None)])
    apps = executor.loader.project_state([("houses", "0011_fee_grids")]).apps
    House = apps.get_model("houses", "House")
    OldActivity = apps.get_model("houses", "Activity")
    house = House.objects.create(
        name="Les Ors", short_name="Les Ors", slug="ors-m", kind="centre_social"
    )
    readable = OldActivity.objects.create(
        title="Mercredis",
        slug="mercredis-m",
        category="enfance",
        weekday=2,
        season="2026-2027",
        price_kind="quotient",
        price_grid_legacy="de 0 à 500 € : 3 € la journée\nau-delà de 500 € : 5 € la journée",
    )
    readable.houses.set([house])
    unreadable = OldActivity.objects.create(
        title="Chorale",
        slug="chorale-m",
        category="culture",
        weekday=1,
        price_kind="quotient",
        price_grid_legacy="Tarif solidaire, demandez à l'accueil",
    )
    unreadable.houses.set([house])

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    readable = Activity.objects.get(slug="mercredis-m")
    assert readable.price_grid_legacy == ""
    assert readable.fee_grid.season.label == "2026-2027"
    assert readable.fee_grid.unit == "la journée"
    assert [(b.qf_from, b.qf_to) for b in readable.fee_grid.bands.all()] == [(0, 500), (501, None)]
    unreadable = Activity.objects.get(slug="chorale-m")
    assert unreadable.fee_grid is None
    assert unreadable.price_grid_legacy == "Tarif solidaire, demandez à l'accueil"
