"""The signed links of the e-mails: no account, no password, the link is the proof.

A confirmation link names the address (its `Subscriber.key`, never its
e-mail) and the houses it asked for, and expires after `CONFIRM_DAYS` (the
address is deleted then anyway). An unsubscribe link names the address and
one house, or none for « everything »; it never expires, so that one click
in an old e-mail still works, and it can do no more than stop the e-mails
(and undo that, from the page it leads to).
"""

from django.core import signing
from django.utils.translation import gettext as _

from .models import Subscriber

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
CONFIRM_DAYS = 7


class BadLink(Exception):
    """A link that cannot be used; `str(exc)` is a French sentence, `status` the answer's."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def confirm_token(subscriber, houses):
    return signing.dumps(
        {"k": subscriber.key.hex, "h": sorted(house.pk for house in houses)},
        salt=CONFIRM_SALT,
        compress=True,
    )


def unsubscribe_token(subscriber, house=None):
    return signing.dumps(
        {"k": subscriber.key.hex, "h": house.pk if house else 0}, salt=UNSUBSCRIBE_SALT
    )


def _subscriber(data):
    try:
        return Subscriber.objects.get(key=data["k"])
    except (KeyError, TypeError, ValueError, Subscriber.DoesNotExist):
        raise BadLink(
            _(
                "Cet abonnement n'existe plus : une adresse non confirmée est effacée au bout "
                "de quelques jours. Vous pouvez vous abonner de nouveau."
            ),
            status=404,
        ) from None


def read_confirm_token(token):
    """(subscriber, [house pks]) of a confirmation link; `BadLink` if altered or too old."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        raise BadLink(
            _(
                "Ce lien de confirmation a expiré (il vaut %(days)s jours) : abonnez-vous de "
                "nouveau, vous recevrez un nouveau lien."
            )
            % {"days": CONFIRM_DAYS},
            status=410,
        ) from None
    except signing.BadSignature:
        raise BadLink(_incomplete()) from None
    houses = data.get("h") if isinstance(data, dict) else None
    if not isinstance(houses, list) or not all(isinstance(pk, int) for pk in houses):
        raise BadLink(_incomplete())
    return _subscriber(data), houses


def read_unsubscribe_token(token):
    """(subscriber, house pk or None for everything); `BadLink` if altered."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise BadLink(_incomplete()) from None
    house = data.get("h") if isinstance(data, dict) else None
    if not isinstance(house, int):
        raise BadLink(_incomplete())
    return _subscriber(data), house or None


def _incomplete():
    return _(
        "Ce lien n'est pas valide : il a peut-être été coupé en deux par votre messagerie. "
        "Copiez-le en entier depuis l'e-mail, ou abonnez-vous de nouveau."
    )
