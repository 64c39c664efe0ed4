"""The weekly digest: only to confirmed addresses, only what is new, at most once a week."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsItem
from subscriptions.models import Subscription
from subscriptions.services import digests_send
from tests.commits import committed
from tests.houses.factories import make_event, make_house

from .factories import make_subscriber

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def ors(db):
    return make_house(name="Maison de quartier des Ors", short_name="Les Ors", slug="les-ors")


def news(house, title, *, status=NewsItem.Status.PUBLISHED, days_ago=0):
    item = NewsItem.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-"),
        teaser=f"Le résumé de « {title} ».",
        status=status,
        published_on=timezone.localdate() - datetime.timedelta(days=days_ago),
    )
    item.houses.add(house)
    return item


def run(now=NOW):
    call_command("send_digests", stdout=open("/dev/null", "w"))
    committed()


def sent():
    messages = list(mail.outbox)
    mail.outbox.clear()
    return messages


def test_no_digest_goes_to_an_unconfirmed_address(ors):
    make_subscriber(ors, email="pas-confirme@example.net", confirmed=False)
    confirmed = make_subscriber(ors, email="confirme@example.net")
    make_event(ors, title="Repas partagé")
    news(ors, "La fête du quartier")

    run()

    assert [message.to for message in sent()] == [[confirmed.email]]


def test_the_digest_tells_the_next_events_and_the_new_news_with_its_links(ors):
    make_subscriber(ors, email="camille@example.net")
    make_event(ors, title="Repas partagé")
    news(ors, "La fête du quartier")
    news(ors, "Un brouillon", status=NewsItem.Status.DRAFT)

    run()

    (message,) = sent()
    assert message.subject == "Les nouvelles de la semaine : Les Ors"
    assert "Repas partagé (nouveau)" in message.body
    assert "La fête du quartier" in message.body
    assert "Un brouillon" not in message.body
    assert "Ne plus rien recevoir, en un clic : https://" in message.body
    header = message.message()["List-Unsubscribe"]
    assert header.startswith("<https://") and "/suivre/desabonnement/" in header
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_run_twice_in_a_week_nothing_is_sent_twice(ors):
    make_subscriber(ors)
    make_event(ors, title="Repas partagé")

    digests_send(now=NOW)
    committed()
    assert len(sent()) == 1
    news(ors, "Arrivée le lendemain")
    digests_send(now=NOW + datetime.timedelta(days=1))
    committed()

    assert sent() == []


def test_a_week_later_only_what_is_new_and_nothing_when_nothing_is(ors):
    make_subscriber(ors)
    make_event(ors, title="Repas partagé", starts_at=NOW + datetime.timedelta(days=10))
    news(ors, "Vieille nouvelle")
    digests_send(now=NOW)
    committed()
    sent()

    next_week = NOW + datetime.timedelta(days=7)
    digests_send(now=next_week)
    committed()
    assert sent() == []  # the same event, no news: no e-mail

    news(ors, "Nouvelle de la semaine")
    digests_send(now=next_week)
    committed()
    (message,) = sent()
    assert "Nouvelle de la semaine" in message.body
    assert "Vieille nouvelle" not in message.body
    # The event is still coming: listed again, no longer « nouveau ».
    assert "Repas partagé" in message.body and "Repas partagé (nouveau)" not in message.body


def test_an_unsubscribed_house_is_left_out_and_one_mail_covers_several_houses(ors):
    coop = make_house(name="La Coopération", short_name="Coopération", kind="cooperation")
    other = make_house(name="Maison Saint-Nicolas", short_name="Saint-Nicolas")
    subscriber = make_subscriber(ors, coop, other)
    Subscription.objects.filter(subscriber=subscriber, house=other).update(unsubscribed_at=NOW)
    make_event(ors, title="Repas partagé")
    make_event(coop, title="Assemblée de la Coopération")
    make_event(other, title="Loto de Saint-Nicolas")

    run()

    (message,) = sent()
    assert "Repas partagé" in message.body and "Assemblée de la Coopération" in message.body
    assert "Loto de Saint-Nicolas" not in message.body
    assert message.body.count("/suivre/desabonnement/") == 3  # each house, and everything
