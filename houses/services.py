"""Business rules of the houses app: opening hours, staff groups, contact messages."""

import dataclasses
import datetime
import hashlib
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .media import house_folder_ensure
from .models import ContactMessage, House
from .permissions import COOPERATION_WIDE_GROUP

logger = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")
# How far ahead "next opening" looks: beyond the longest summer closure.
LOOKAHEAD_DAYS = 70


# --- Opening hours -------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    closes_at: datetime.datetime | None  # when open: today's closing time (Paris)
    next_opening: datetime.datetime | None  # when closed: the next opening (Paris)
    closure: object | None = None  # the closure in force now, if any


def day_intervals(*, day, slots, closures):
    """The (opens, closes) local times of `day`, after exceptional closures and openings.

    An exceptional opening replaces the weekly slots of its days; a closure
    empties them. When both cover a day, the closure wins (safer for a visitor).
    """
    covering = [c for c in closures if c.starts_on <= day <= c.ends_on]
    if any(c.kind == "fermeture" for c in covering):
        return []
    openings = [c for c in covering if c.kind == "ouverture"]
    if openings:
        return sorted((c.opens, c.closes) for c in openings)
    return sorted((s.opens, s.closes) for s in slots if s.weekday == day.weekday())


def _local(day, time):
    """A wall-clock time in Paris; on the night of a DST change, zoneinfo picks the right offset."""
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def opening_status(*, slots, closures, now):
    """Is the house open at `now`, and if not, when does it open next? (Europe/Paris)"""
    slots = list(slots)
    closures = list(closures)
    local_now = now.astimezone(PARIS)
    today = local_now.date()
    closure_now = next(
        (c for c in closures if c.kind == "fermeture" and c.starts_on <= today <= c.ends_on),
        None,
    )
    for opens, closes in day_intervals(day=today, slots=slots, closures=closures):
        start, end = _local(today, opens), _local(today, closes)
        if start <= local_now < end:
            return OpeningStatus(True, end, None, None)
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        for opens, _closes in day_intervals(day=day, slots=slots, closures=closures):
            start = _local(day, opens)
            if start > local_now:
                return OpeningStatus(False, None, start, closure_now)
    return OpeningStatus(False, None, None, closure_now)


def weekly_table(*, slots, today):
    """Seven rows, Monday first: (weekday number, slots of that day, is today)."""
    slots = list(slots)
    return [
        (weekday, [s for s in slots if s.weekday == weekday], weekday == today.weekday())
        for weekday in range(7)
    ]


# --- Staff groups --------------------------------------------------------------

STAFF_PERMISSIONS = [
    ("houses", "add_activity"),
    ("houses", "change_activity"),
    ("houses", "delete_activity"),
    ("houses", "view_activity"),
    ("houses", "add_event"),
    ("houses", "change_event"),
    ("houses", "delete_event"),
    ("houses", "view_event"),
    ("houses", "change_contactmessage"),
    ("houses", "view_contactmessage"),
    # Each team keeps its own house's practical data up to date (see
    # houses.admin.HouseAdmin): hours, closures, phone. Not adding or
    # deleting houses, and not "manage_all_houses".
    ("houses", "view_house"),
    ("houses", "change_house"),
    ("houses", "add_openinghours"),
    ("houses", "change_openinghours"),
    ("houses", "delete_openinghours"),
    ("houses", "view_openinghours"),
    ("houses", "add_closure"),
    ("houses", "change_closure"),
    ("houses", "delete_closure"),
    ("houses", "view_closure"),
    # Each house keeps its own eco-structure charter progress up to date.
    ("charter", "add_commitmentprogress"),
    ("charter", "change_commitmentprogress"),
    ("charter", "delete_commitmentprogress"),
    ("charter", "view_commitmentprogress"),
    # The house's folder in the media library (its photo, its events' images,
    # its charter evidence): which folder is filer's folder permissions' job
    # (houses.media); these only let the team use the library at all.
    ("filer", "can_use_directory_listing"),
    ("filer", "view_folder"),
    ("filer", "add_folder"),
    ("filer", "change_folder"),
    ("filer", "add_file"),
    ("filer", "change_file"),
    ("filer", "delete_file"),
    ("filer", "view_file"),
    ("filer", "add_image"),
    ("filer", "change_image"),
    ("filer", "delete_image"),
    ("filer", "view_image"),
    # The house's presentation, written in the CMS's edit mode on its own page:
    # House.has_placeholder_change_permission limits these to the team's house.
    ("djangocms_text", "add_text"),
    ("djangocms_text", "change_text"),
    ("djangocms_text", "delete_text"),
    ("djangocms_text", "view_text"),
]


def staff_group_name(house):
    return f"Équipe {house.short_name}"


def staff_permissions():
    query = None
    for app_label, codename in STAFF_PERMISSIONS:
        part = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        query = part if query is None else query | part
    return query


@transaction.atomic
def house_staff_group_ensure(*, house):
    """Give `house` its staff group ("Équipe <short name>"), with the staff permissions.

    And the group's folder in the media library, named after the house.
    """
    if house.staff_group_id is None:
        group, _created = Group.objects.get_or_create(name=staff_group_name(house))
        house.staff_group = group
        house.save(update_fields=["staff_group"])
    house.staff_group.permissions.add(*staff_permissions())
    house_folder_ensure(
        house=house, cooperation_group=Group.objects.filter(name=COOPERATION_WIDE_GROUP).first()
    )
    return house.staff_group


def cooperation_group_ensure():
    group, _created = Group.objects.get_or_create(name=COOPERATION_WIDE_GROUP)
    group.permissions.add(*staff_permissions())
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
    cooperation = House.objects.cooperation()
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
    lines += ["", message.message]
    return "\n".join(lines)
