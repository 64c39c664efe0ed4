"""Places counted in people, no double booking under concurrent requests (PostgreSQL),
the waiting list in order, and a cancellation that promotes the first one who fits."""

import threading

import pytest
from django.core import mail
from django.db import close_old_connections, connection

from registrations.models import Registration
from registrations.services import cancel, places_left, status_change
from tests.commits import committed
from tests.houses.factories import make_house

from .factories import ask, open_activity, open_event

pytestmark = pytest.mark.django_db


def statuses(item):
    return [r.status for r in Registration.objects.for_item(item).order_by("pk")]


def test_places_are_counted_in_people():
    activity = open_activity(places=5)

    assert ask(activity, people=3).status == Registration.Status.CONFIRMED
    assert ask(activity, people=3).status == Registration.Status.WAITING
    assert ask(activity, people=2).status == Registration.Status.CONFIRMED
    assert places_left(activity) == 0
    assert ask(activity, people=1).status == Registration.Status.WAITING


def test_cancelling_promotes_the_first_waiting_and_tells_them():
    event = open_event(make_house(email="ors@example.org"), places=2, title="Sortie")
    first = ask(event, people=2, email="premiere@example.net")
    waiting = ask(event, people=1, name="Ali", email="ali@example.net")
    second_waiting = ask(event, people=1, name="Bea", email="bea@example.net")
    committed()
    mail.outbox.clear()
    assert waiting.waiting_position() == 1 and second_waiting.waiting_position() == 2

    cancel(registration=first)
    committed()

    assert statuses(event) == ["annulee", "confirmee", "confirmee"]
    told = sorted(m.to[0] for m in mail.outbox)
    assert told == ["ali@example.net", "bea@example.net"]
    assert all(m.subject == "Une place s'est libérée : Sortie" for m in mail.outbox)
    assert waiting.get_absolute_url() in next(
        m.body for m in mail.outbox if m.to == ["ali@example.net"]
    )


def test_a_waiting_group_too_big_for_the_freed_place_keeps_its_rank():
    """3 people waiting, 1 place frees: the next one who fits gets it, the 3 stay first."""
    activity = open_activity(places=2)
    one = ask(activity, people=1)
    ask(activity, people=1)
    group = ask(activity, people=3, name="Famille")
    single = ask(activity, people=1, name="Seul")

    cancel(registration=one)

    group.refresh_from_db()
    single.refresh_from_db()
    assert single.status == Registration.Status.CONFIRMED
    assert group.status == Registration.Status.WAITING and group.waiting_position() == 1


def test_a_newcomer_never_passes_someone_waiting_who_fits():
    activity = open_activity(places=1)
    taken = ask(activity)
    waiting = ask(activity, name="En attente")
    # Staff free the place by hand, without the service (e.g. a status set in bulk).
    Registration.objects.filter(pk=taken.pk).update(status=Registration.Status.CANCELLED)

    newcomer = ask(activity, name="Nouveau")

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert newcomer.status == Registration.Status.WAITING


def test_staff_cancelling_from_the_admin_promotes_too():
    activity = open_activity(places=1)
    taken = ask(activity)
    waiting = ask(activity, name="En attente", email="attente@example.net")

    status_change(registration=taken, status=Registration.Status.CANCELLED)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_cancelling_twice_changes_nothing():
    activity = open_activity(places=1)
    taken = ask(activity)
    cancel(registration=taken)
    again = cancel(registration=taken)

    assert again.status == Registration.Status.CANCELLED
    assert Registration.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_requests_for_five_places_book_exactly_five():
    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only: SQLite serialises every write, so threads cannot race there "
            "(DATABASE_URL=postgres://… to run it)."
        )
    activity = open_activity(places=5)
    barrier = threading.Barrier(20)
    errors = []

    def request(n):
        try:
            barrier.wait()
            ask(activity, name=f"Personne {n}", email=f"p{n}@example.net")
        except Exception as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=request, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    registrations = Registration.objects.for_item(activity)
    assert registrations.filter(status=Registration.Status.CONFIRMED).count() == 5
    waiting = list(registrations.waiting())
    assert len(waiting) == 15
    assert [r.waiting_position() for r in waiting] == list(range(1, 16))
