"""Staff: each house's subscribers and messages only; the digest's preview; a message sent once."""

import html
import re

import pytest
from django.core import mail
from django.urls import reverse

from subscriptions.models import HouseMessage, Subscription
from tests.commits import committed
from tests.houses.factories import make_event, make_staff_house, make_staff_user

from .factories import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_user_model):
    ors = make_staff_house(name="Maison de quartier des Ors", short_name="Les Ors", slug="les-ors")
    nicolas = make_staff_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas")
    return {
        "ors": ors,
        "nicolas": nicolas,
        "ors_subscriber": make_subscriber(ors, email="ors@example.net"),
        "nicolas_subscriber": make_subscriber(nicolas, email="nicolas@example.net"),
        "ors_staff": make_staff_user(django_user_model, houses=[ors]),
    }


def subscription(world, key):
    return Subscription.objects.get(subscriber=world[f"{key}_subscriber"])


def test_a_team_sees_its_house_s_subscribers_only(client, world):
    client.force_login(world["ors_staff"])
    listing = client.get(reverse("admin:subscriptions_subscription_changelist"))
    own = client.get(
        reverse("admin:subscriptions_subscription_change", args=[subscription(world, "ors").pk])
    )
    other = client.get(
        reverse("admin:subscriptions_subscription_change", args=[subscription(world, "nicolas").pk])
    )

    page = listing.content.decode()
    assert listing.status_code == 200
    assert "ors@example.net" in page and "nicolas@example.net" not in page
    assert own.status_code == 200 and other.status_code == 403
    # The addresses of every house together are for administrators.
    assert client.get(reverse("admin:subscriptions_subscriber_changelist")).status_code == 403


def test_a_team_previews_its_house_s_next_digest_only(client, world):
    make_event(world["ors"], title="Repas partagé")
    client.force_login(world["ors_staff"])

    own = client.get(reverse("admin:subscriptions_subscription_preview", args=[world["ors"].pk]))
    other = client.get(
        reverse("admin:subscriptions_subscription_preview", args=[world["nicolas"].pk])
    )

    assert own.status_code == 200 and other.status_code == 403
    page = own.content.decode()
    assert "Repas partagé" in page and "1 abonné·e reçoit les lettres" in page
    assert not mail.outbox


def test_a_team_writes_previews_and_sends_a_message_once(client, world):
    make_subscriber(world["ors"], email="pas-confirme@example.net", confirmed=False)
    second = make_subscriber(world["ors"], email="deux@example.net")
    client.force_login(world["ors_staff"])

    written = client.post(
        reverse("admin:subscriptions_housemessage_add"),
        {"house": world["ors"].pk, "subject": "Fête samedi", "body": "Venez nombreux !"},
    )
    message = HouseMessage.objects.get()
    send_url = reverse("admin:subscriptions_housemessage_send", args=[message.pk])
    assert written.status_code == 302 and written["Location"] == send_url
    assert message.created_by == world["ors_staff"]
    preview = client.get(send_url).content.decode()
    assert "Il partira vers 2 abonné·es de « Maison de quartier des Ors »" in preview
    assert "Venez nombreux !" in preview and "Envoyer aux abonnés" in preview
    assert not mail.outbox

    client.post(send_url)
    client.post(send_url)  # a second click, or the back button
    committed()

    assert sorted(m.to[0] for m in mail.outbox) == ["deux@example.net", "ors@example.net"]
    tokens = set()
    for sent in mail.outbox:
        assert sent.subject == "Les Ors : Fête samedi"
        assert "Venez nombreux !" in sent.body
        header = sent.message()["List-Unsubscribe"]
        assert re.fullmatch(r"<https://[^>]+/suivre/desabonnement/[^>]+/>", header)
        assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        tokens.add(header)
    assert len(tokens) == 2  # each subscriber its own link
    message.refresh_from_db()
    assert message.sent_at is not None and message.recipients_count == 2
    # Gone is gone: the message is read-only now.
    change = client.get(reverse("admin:subscriptions_housemessage_change", args=[message.pk]))
    assert "Parti : un message ne part qu'une fois." in html.unescape(change.content.decode())
    assert 'name="subject"' not in change.content.decode()
    del second


def test_a_team_cannot_read_or_send_another_house_s_message(client, world):
    message = HouseMessage.objects.create(house=world["nicolas"], subject="Loto", body="Samedi.")
    client.force_login(world["ors_staff"])

    for name in ("change", "send"):
        url = reverse(f"admin:subscriptions_housemessage_{name}", args=[message.pk])
        assert client.get(url).status_code == 403, name
        assert client.post(url).status_code == 403, name
    listing = client.get(reverse("admin:subscriptions_housemessage_changelist"))
    assert "Loto" not in listing.content.decode()
    # And cannot write one in its name.
    client.post(
        reverse("admin:subscriptions_housemessage_add"),
        {"house": world["nicolas"].pk, "subject": "Faux", "body": "Faux."},
    )
    committed()
    assert not HouseMessage.objects.filter(subject="Faux").exists()
    assert not mail.outbox
