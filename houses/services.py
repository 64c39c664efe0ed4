"""Business rules of the houses app: staff groups, contact messages.

Opening hours are pure functions in `houses.hours`.
"""

import hashlib
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coop_site.roles import COOPERATION_WIDE_GROUP, HOUSE_TEAM, role_permissions

from . import directory
from .media import house_folder_ensure
from .models import ContactMessage, Event, House

logger = logging.getLogger(__name__)

# --- Staff groups --------------------------------------------------------------
# What a house's team may do is declared by each app's roles module (houses/roles.py
# for the houses' data; see coop_site/roles.py).


def staff_group_name(house):
    return f"Équipe {house.short_name}"


@transaction.atomic
def house_staff_group_ensure(*, house):
    """Give `house` its staff group ("Équipe <short name>"), with the house team's permissions.

    And the group's folder in the media library, named after the house.
    """
    if house.staff_group_id is None:
        group, _created = Group.objects.get_or_create(name=staff_group_name(house))
        house.staff_group = group
        house.save(update_fields=["staff_group"])
    house.staff_group.permissions.add(*role_permissions(HOUSE_TEAM))
    house_folder_ensure(
        house=house, cooperation_group=Group.objects.filter(name=COOPERATION_WIDE_GROUP).first()
    )
    return house.staff_group


def cooperation_group_ensure():
    group, _created = Group.objects.get_or_create(name=COOPERATION_WIDE_GROUP)
    group.permissions.add(*role_permissions(HOUSE_TEAM))
    for house in House.objects.filter(staff_group__isnull=False):
        house_folder_ensure(house=house, cooperation_group=group)
    return group


# --- Contact -------------------------------------------------------------------

CONTACT_RATE_LIMIT = 5  # messages
CONTACT_RATE_WINDOW = 60 * 60  # seconds


class ContactRejected(Exception):
    """The message was not accepted; `str(exc)` is a French sentence for the visitor."""


def _client_ip(request):
    # Behind the reverse proxy, REMOTE_ADDR is set from X-Real-IP by the proxy itself.
    return request.META.get("REMOTE_ADDR", "") or "inconnue"


def _rate_key(request):
    digest = hashlib.sha256(_client_ip(request).encode()).hexdigest()[:32]
    return f"houses:contact:{digest}"


def contact_message_submit(*, house, data, topic="", request):
    """Save a contact message, then e-mail the house; a failed e-mail loses nothing.

    `data` is a `ContactForm`'s cleaned_data. Raises `ContactRejected` for a
    bot (honeypot filled) or a visitor over the per-IP rate limit.
    """
    if data.get("website"):
        logger.info("Contact message rejected by the honeypot")
        raise ContactRejected(_("Votre message n'a pas pu être envoyé."))
    key = _rate_key(request)
    count = cache.get(key, 0)
    if count >= CONTACT_RATE_LIMIT:
        raise ContactRejected(
            _(
                "Vous avez envoyé beaucoup de messages en peu de temps. "
                "Merci de réessayer dans une heure, ou d'appeler la maison."
            )
        )
    cache.set(key, count + 1, CONTACT_RATE_WINDOW)

    message = ContactMessage.objects.create(
        house=house,
        topic=topic,
        addressed_to=data.get("addressed_to", ""),
        name=data["name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        subject=data["subject"],
        message=data["message"],
    )
    recipient = house.email or _cooperation_email()
    if recipient:
        try:
            EmailMessage(
                # The form refuses line breaks in the subject; a header must never hold one.
                subject=_("[Site] %(subject)s") % {"subject": " ".join(message.subject.split())},
                body=_contact_mail_body(message),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[recipient],
                # "Reply" then writes to the visitor, not to the site's own address.
                reply_to=[message.email] if message.email else None,
            ).send()
        except Exception:
            # The message is saved: staff read it in the admin.
            logger.exception("Contact message %s saved but not e-mailed", message.pk)
        else:
            message.emailed_at = timezone.now()
            message.save(update_fields=["emailed_at"])
    return message


def _cooperation_email():
    cooperation = directory.cooperation()
    return cooperation.email if cooperation else ""


def _contact_mail_body(message):
    lines = [
        _("Message reçu par le formulaire de contact du site."),
        "",
        _("De : %(name)s") % {"name": message.name},
    ]
    if message.email:
        lines.append(_("E-mail : %(email)s") % {"email": message.email})
    if message.phone:
        lines.append(_("Téléphone : %(phone)s") % {"phone": message.phone})
    if message.topic:
        lines.append(_("Sujet : %(topic)s") % {"topic": message.topic})
    if message.addressed_to:
        lines.append(_("À l'attention de : %(role)s") % {"role": message.addressed_to})
    lines += ["", message.message]
    return "\n".join(lines)


def next_public_change(now):
    """The next moment a page changes by itself: an event starts or ends (it leaves
    "à venir"), a house opens or closes ("ouvert maintenant"). For the page cache."""
    from django.db.models import Min, Q

    events = Event.objects.aggregate(
        start=Min("starts_at", filter=Q(starts_at__gt=now)),
        end=Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    moments = [events["start"], events["end"]]
    for house in House.objects.prefetch_related("opening_hours", "closures"):
        status = house.opening_status(now)
        moments.append(status.closes_at if status.is_open else status.next_opening)
    return min((moment for moment in moments if moment is not None), default=None)
