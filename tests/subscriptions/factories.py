"""Subscribers as the confirmation link leaves them, without going through the e-mails."""

import itertools

from django.utils import timezone

from subscriptions.models import Subscriber, Subscription

_counter = itertools.count(1)


def make_subscriber(*houses, email=None, confirmed=True, confirmed_at=None):
    n = next(_counter)
    when = (confirmed_at or timezone.now()) if confirmed else None
    subscriber = Subscriber.objects.create(
        email=email or f"abonne{n}@example.net", confirmed_at=when
    )
    for house in houses:
        Subscription.objects.create(subscriber=subscriber, house=house, confirmed_at=when)
    return subscriber
