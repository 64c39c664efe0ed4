"""The associations' business rules: a message relayed to an association, the house page's section."""

from django.utils.translation import gettext as _

from coop_site.formatting import french_date, french_time
from coop_site.relay import TOO_MANY_REQUESTS, guard, mail_after_storing
from houses.services import house_recipient

from .models import Association, AssociationMessage

HOUSE_SECTION_COUNT = 12


def house_section_context(house):
    """The house page's « Associations accueillies »: a few, and how many in all."""
    associations = Association.objects.filter(house=house).select_related("house")
    associations = associations.order_by("name", "pk")
    shown = list(associations[: HOUSE_SECTION_COUNT + 1])
    return {
        "hosted_associations": shown[:HOUSE_SECTION_COUNT],
        "more_associations": len(shown) > HOUSE_SECTION_COUNT,
    }


def association_message_submit(*, association, data, request):
    """Save the message, then e-mail it to the association (or its house): nothing is lost.

    `data` is an `AssociationRelayForm`'s cleaned_data; raises `coop_site.relay.Rejected`
    for a robot or a visitor over the rate limit, as the house contact form does.
    """
    guard(request, data)
    message = AssociationMessage.objects.create(
        association=association,
        name=data["name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        subject=data["subject"],
        message=data["message"],
    )
    mail_after_storing(
        message,
        to=association.email or house_recipient(association.house),
        subject=_("[Site] %(subject)s") % {"subject": message.subject},
        body=_relay_mail_body(message),
        reply_to=message.email,
    )
    return message


def _relay_mail_body(message):
    association = message.association
    lines = [
        _(
            "Message pour %(association)s, reçu par son formulaire sur le site des maisons de quartier."
        )
        % {"association": association.name},
    ]
    if not association.email:
        lines.append(_("L'association n'a pas d'e-mail sur le site : merci de le lui transmettre."))
    lines += ["", _("De : %(name)s") % {"name": message.name}]
    if message.email:
        lines.append(_("E-mail : %(email)s") % {"email": message.email})
    if message.phone:
        lines.append(_("Téléphone : %(phone)s") % {"phone": message.phone})
    lines += ["", message.message]
    return "\n".join(lines)


def room_request_submit(*, form, request):
    """Save a valid `RoomRequestForm`, then e-mail the house: a failed e-mail loses nothing."""
    guard(
        request,
        form.cleaned_data,
        too_many=TOO_MANY_REQUESTS,
    )
    room_request = form.save()
    room = room_request.room
    mail_after_storing(
        room_request,
        to=house_recipient(room.house),
        subject=_("[Site] Demande de salle : %(room)s, le %(date)s")
        % {"room": room.name, "date": french_date(room_request.starts_on)},
        body=_room_request_mail_body(room_request),
        reply_to=room_request.email,
    )
    return room_request


def _room_request_mail_body(room_request):
    lines = [
        _("Demande de salle reçue par le formulaire du site ; répondez-y dans l'administration."),
        "",
        _("Salle : %(room)s") % {"room": room_request.room},
        _("Date : %(date)s") % {"date": french_date(room_request.starts_on)},
    ]
    if room_request.ends_on:
        lines.append(_("Jusqu'au : %(date)s") % {"date": french_date(room_request.ends_on)})
    lines.append(
        _("Horaires : de %(start)s à %(end)s")
        % {"start": french_time(room_request.starts_at), "end": french_time(room_request.ends_at)}
    )
    if room_request.attendees:
        lines.append(_("Personnes : %(count)s") % {"count": room_request.attendees})
    if room_request.organisation:
        lines.append(_("Organisme : %(name)s") % {"name": room_request.organisation})
    lines.append(_("De : %(name)s") % {"name": room_request.name})
    if room_request.email:
        lines.append(_("E-mail : %(email)s") % {"email": room_request.email})
    if room_request.phone:
        lines.append(_("Téléphone : %(phone)s") % {"phone": room_request.phone})
    lines += ["", room_request.purpose]
    return "\n".join(lines)


def rooms_section_context(house):
    """The house page's rooms, with their house for the cards: one query for any number."""
    return {"house_rooms": list(house.rooms.select_related("house"))}
