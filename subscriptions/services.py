"""Following houses by e-mail: asking, confirming, leaving, the weekly digest, a team's message.

Every e-mail goes through the outbox (`outbox.services.queue_email`): stored,
sent after the commit by a background job, tried again while the mail
server is down. Each carries its unsubscribe links in the text and in the
`List-Unsubscribe` headers.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coop_site.relay import guard
from coop_site.seo import absolute_url
from houses.models import Event, House
from news.models import NewsItem
from outbox.services import queue_email

from .links import unsubscribe_headers, unsubscribe_url
from .models import HouseMessage, Subscriber, Subscription
from .tokens import CONFIRM_DAYS, confirm_token

# The digest: one e-mail a week at most, whatever runs the command.
DIGEST_INTERVAL = datetime.timedelta(days=6)
# Events shown per house: those of the next five weeks, six at most.
EVENT_HORIZON = datetime.timedelta(days=35)
EVENTS_PER_HOUSE = 6
# A first digest tells the news of the two weeks before the subscription.
NEWS_BACKLOG = datetime.timedelta(days=14)
NEWS_PER_HOUSE = 6
# An address that left everything is kept this long, for « me réabonner », then deleted.
KEEP_UNSUBSCRIBED_DAYS = 30


class AlreadySent(Exception):
    """A team's message goes once: `str(exc)` says so in French."""


def _render(template, context):
    return render_to_string(f"subscriptions/email/{template}", context).strip() + "\n"


# --- Asking, confirming, leaving --------------------------------------------


def subscription_request(*, data, request):
    """A visitor asks to follow `data["maisons"]` at `data["email"]` (a valid SubscribeForm).

    Raises `coop_site.relay.Rejected` for a robot or a visitor over the rate
    limit. The address and its houses are kept unconfirmed (one row each,
    however many times it asks) and the confirmation e-mail leaves; nothing
    else is sent before its link is followed.
    """
    guard(
        request,
        data,
        too_many=_(
            "Vous avez fait beaucoup de demandes en peu de temps. Merci de réessayer dans une heure."
        ),
    )
    houses = list(data["maisons"])
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.get_or_create(email=data["email"])
        for house in houses:
            Subscription.objects.get_or_create(subscriber=subscriber, house=house)
        token = confirm_token(subscriber, houses)
        url = absolute_url(None, reverse("subscriptions:confirm", kwargs={"token": token}))
        leave_url = unsubscribe_url(subscriber)
        queue_email(
            to=subscriber.email,
            subject=_("Confirmez votre abonnement aux nouvelles des maisons de quartier"),
            body=_render(
                "confirm.txt",
                {"houses": houses, "url": url, "days": CONFIRM_DAYS, "leave_url": leave_url},
            ),
            headers=unsubscribe_headers(leave_url),
            about=subscriber,
        )
    return subscriber


def subscription_confirm(*, subscriber, house_pks, now=None):
    """The link of the confirmation e-mail was followed: its houses receive the letters."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = now
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
        rows = subscriber.subscriptions.filter(house__in=house_pks)
        rows.filter(confirmed_at__isnull=True).update(confirmed_at=now)
        rows.update(unsubscribed_at=None)
    return subscriber


def subscription_leave(*, subscriber, house_pk=None, now=None):
    """Stop the e-mails: of one house, or (`house_pk` None) of every house."""
    now = now or timezone.now()
    if house_pk:
        subscriber.subscriptions.filter(house=house_pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=now
        )
    else:
        Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=now
        )


def subscription_resume(*, subscriber, house_pk=None):
    """« Je me suis trompé·e » : undo `subscription_leave`, for a confirmed address only."""
    if subscriber.confirmed_at is None:
        return
    if house_pk:
        subscriber.subscriptions.filter(house=house_pk, confirmed_at__isnull=False).update(
            unsubscribed_at=None
        )
    else:
        Subscriber.objects.filter(pk=subscriber.pk).update(unsubscribed_at=None)


def subscribers_purge(*, now=None):
    """Delete what is no longer needed: addresses never confirmed after `CONFIRM_DAYS`,
    houses asked and never confirmed, addresses that left everything `KEEP_UNSUBSCRIBED_DAYS`
    ago. Returns how many addresses were deleted."""
    now = now or timezone.now()
    confirm_limit = now - datetime.timedelta(days=CONFIRM_DAYS)
    keep_limit = now - datetime.timedelta(days=KEEP_UNSUBSCRIBED_DAYS)
    with transaction.atomic():
        Subscription.objects.filter(
            confirmed_at__isnull=True, created_at__lt=confirm_limit
        ).delete()
        Subscription.objects.filter(unsubscribed_at__lt=keep_limit).delete()
        gone = Subscriber.objects.filter(
            Q(confirmed_at__isnull=True, created_at__lt=confirm_limit)
            | Q(unsubscribed_at__lt=keep_limit)
            | Q(confirmed_at__lt=keep_limit, subscriptions__isnull=True)
        )
        count = gone.count()
        Subscriber.objects.filter(pk__in=list(gone.values_list("pk", flat=True))).delete()
    return count


# --- The weekly digest ------------------------------------------------------


class HouseDigest:
    """What a digest says of one house: its next events, its news not told yet."""

    def __init__(self, house, events, news, new_event_pks):
        self.house = house
        self.events = events
        self.news = news
        self.new_event_pks = new_event_pks

    @property
    def has_something_new(self):
        return bool(self.news or self.new_event_pks)

    @property
    def url(self):
        return absolute_url(None, self.house.get_absolute_url())

    def event_lines(self):
        return [
            (event, event.pk in self.new_event_pks, absolute_url(None, event.get_absolute_url()))
            for event in self.events
        ]

    def news_lines(self):
        return [(item, absolute_url(None, item.get_absolute_url())) for item in self.news]


class DigestContent:
    """Each house's next events and recent news, read once per run for all its subscribers."""

    def __init__(self, now):
        self.now = now
        self._events = {}
        self._news = {}

    def events(self, house):
        if house.pk not in self._events:
            self._events[house.pk] = list(
                Event.objects.upcoming(self.now)
                .for_house(house)
                .filter(starts_at__lt=self.now + EVENT_HORIZON)
                .with_related()[:EVENTS_PER_HOUSE]
            )
        return self._events[house.pk]

    def news(self, house):
        if house.pk not in self._news:
            since = timezone.localdate(self.now - NEWS_BACKLOG - DIGEST_INTERVAL * 8)
            self._news[house.pk] = list(
                NewsItem.objects.published()
                .for_house(house)
                .filter(published_on__gte=since)
                .order_by("-published_on", "-pk")
            )
        return self._news[house.pk]

    def for_subscription(self, subscription):
        house = subscription.house
        sent_news = set(subscription.sent_news.values_list("pk", flat=True))
        sent_events = set(subscription.sent_events.values_list("pk", flat=True))
        since = timezone.localdate((subscription.confirmed_at or self.now) - NEWS_BACKLOG)
        news = [
            item
            for item in self.news(house)
            if item.pk not in sent_news and item.published_on >= since
        ][:NEWS_PER_HOUSE]
        events = self.events(house)
        new_events = {event.pk for event in events if event.pk not in sent_events}
        return HouseDigest(house, events, news, new_events)

    def preview(self, house):
        """What the house's next digest tells a subscriber who had the last one."""
        last = (
            Subscription.objects.active()
            .for_house(house)
            .exclude(last_digest_at__isnull=True)
            .order_by("-last_digest_at")
            .values_list("last_digest_at", flat=True)
            .first()
        )
        since = timezone.localdate(last or self.now - DIGEST_INTERVAL)
        news = [item for item in self.news(house) if item.published_on >= since]
        events = self.events(house)
        return HouseDigest(house, events, news[:NEWS_PER_HOUSE], {event.pk for event in events})


def digest_email(subscriber, digests):
    """(subject, body, headers) of a subscriber's digest."""
    leave_url = unsubscribe_url(subscriber)
    sections = [
        (digest, unsubscribe_url(subscriber, digest.house) if len(digests) > 1 else "")
        for digest in digests
    ]
    names = ", ".join(digest.house.short_name for digest in digests)
    subject = _("Les nouvelles de la semaine : %(houses)s") % {"houses": names}
    body = _render("digest.txt", {"sections": sections, "leave_url": leave_url})
    return subject, body, unsubscribe_headers(leave_url)


def digest_send(*, subscriber, content, now):
    """Queue `subscriber`'s digest if one of its houses has something new; returns whether."""
    subscriptions = list(
        Subscription.objects.active()
        .filter(subscriber=subscriber)
        .select_related("house")
        .order_by("house__order", "house__name")
    )
    digests = [content.for_subscription(subscription) for subscription in subscriptions]
    if not any(digest.has_something_new for digest in digests):
        return False
    kept = [(s, d) for s, d in zip(subscriptions, digests, strict=True) if d.events or d.news]
    subject, body, headers = digest_email(subscriber, [digest for _s, digest in kept])
    queue_email(to=subscriber.email, subject=subject, body=body, headers=headers, about=subscriber)
    for subscription, digest in kept:
        subscription.sent_news.add(*digest.news)
        subscription.sent_events.add(*digest.events)
        subscription.last_digest_at = now
        subscription.save(update_fields=["last_digest_at"])
    subscriber.last_digest_at = now
    subscriber.save(update_fields=["last_digest_at"])
    return True


def digests_due(now):
    return (
        Subscriber.objects.confirmed()
        .filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - DIGEST_INTERVAL))
        .filter(pk__in=Subscription.objects.active().values("subscriber"))
    )


def digests_send(*, now=None):
    """Queue this week's digests: one e-mail per address with something new, at most one a week.

    Run twice, the second run sends nothing (`last_digest_at`), and no item is
    ever told twice to the same subscription (`sent_news`, `sent_events`).
    Returns how many e-mails were queued.
    """
    now = now or timezone.now()
    content = DigestContent(now)
    sent = 0
    for pk in list(digests_due(now).values_list("pk", flat=True)):
        with transaction.atomic():
            # Two runs at once (a timer and a hand): the second waits, then finds it done.
            subscriber = digests_due(now).select_for_update().filter(pk=pk).first()
            if subscriber is not None and digest_send(
                subscriber=subscriber, content=content, now=now
            ):
                sent += 1
    return sent


# --- A team's message to its house's subscribers ----------------------------


def house_message_email(message, subscriber):
    """(body, headers) of `message` for one subscriber, with its own unsubscribe links."""
    house_url = unsubscribe_url(subscriber, message.house)
    body = _render(
        "house_message.txt",
        {
            "message": message,
            "house_leave_url": house_url,
            "leave_url": unsubscribe_url(subscriber),
        },
    )
    return body, unsubscribe_headers(house_url)


def house_message_recipients(message):
    return Subscription.objects.active().for_house(message.house).select_related("subscriber")


def house_message_send(*, message, now=None):
    """Queue `message` to every confirmed subscriber of its house, once; `AlreadySent` after."""
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            HouseMessage.objects.select_for_update().select_related("house").get(pk=message.pk)
        )
        if message.sent_at is not None:
            raise AlreadySent(
                _("Ce message est déjà parti le %(date)s : il ne part qu'une fois.")
                % {"date": timezone.localtime(message.sent_at).strftime("%d/%m/%Y à %H:%M")}
            )
        count = 0
        for subscription in house_message_recipients(message):
            body, headers = house_message_email(message, subscription.subscriber)
            queue_email(
                to=subscription.subscriber.email,
                subject=f"{message.house.short_name} : {message.subject}",
                body=body,
                headers=headers,
                about=message,
            )
            count += 1
        message.sent_at = now
        message.recipients_count = count
        message.save(update_fields=["sent_at", "recipients_count"])
    return message


def house_subscriber_count(house):
    return Subscription.objects.active().for_house(house).count()


def subscribed_houses(subscriber):
    return House.objects.filter(
        pk__in=Subscription.objects.active().filter(subscriber=subscriber).values("house")
    )
