"""What following a house keeps about a person (an address, its houses), for coop_site/personal_data.py."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.personal_data import Holder, matching

from .models import Subscriber


def _when(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def find(email, phone):
    # An address only: the subscriptions keep no phone number.
    return matching(Subscriber.objects.prefetch_related("subscriptions__house"), email=email)


def export(subscriber):
    return {
        "e-mail": subscriber.email,
        "inscrit le": _when(subscriber.created_at),
        "confirmé le": _when(subscriber.confirmed_at),
        "désabonné de tout le": _when(subscriber.unsubscribed_at),
        "dernière lettre le": _when(subscriber.last_digest_at),
        "maisons suivies": [
            {
                "maison": subscription.house.name,
                "confirmé le": _when(subscription.confirmed_at),
                "désabonné le": _when(subscription.unsubscribed_at),
            }
            for subscription in subscriber.subscriptions.all()
        ],
    }


SUBSCRIBERS = Holder(
    name="subscribers", label=_("Abonnements aux nouvelles des maisons"), find=find, export=export
)
