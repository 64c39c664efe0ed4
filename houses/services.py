"""Business rules of the houses app: staff groups, contact messages.

Opening hours are pure functions in `houses.hours`.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from coop_site.relay import Rejected, guard, mail_after_storing
from coop_site.roles import COOPERATION_WIDE_GROUP, HOUSE_TEAM, role_permissions

from . import directory
from .media import house_folder_ensure
from .models import ContactMessage, Event, House

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

# The honeypot, the rate limit and the mail after storing: coop_site/relay.py.
ContactRejected = Rejected


def contact_message_submit(*, house, data, topic="", request):
    """Save a contact message, then e-mail the house; a failed e-mail loses nothing.

    `data` is a `ContactForm`'s cleaned_data. Raises `ContactRejected` for a
    bot (honeypot filled) or a visitor over the per-IP rate limit.
    """
    guard(request, data)
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
    mail_after_storing(
        message,
        to=house_recipient(house),
        # The form refuses line breaks in the subject; a header must never hold one.
        subject=_("[Site] %(subject)s") % {"subject": message.subject},
        body=_contact_mail_body(message),
        reply_to=message.email,
    )
    return message


def house_recipient(house):
    """Where a house's mail goes: its own address, or the Coopération's."""
    return house.email or _cooperation_email()


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
