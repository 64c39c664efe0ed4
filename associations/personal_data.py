"""What the associations' forms keep about a person, for coop_site/personal_data.py."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.personal_data import Holder, matching

from .models import AssociationMessage, RoomRequest


def find_messages(email, phone):
    return matching(
        AssociationMessage.objects.select_related("association"), email=email, phone=phone
    )


def export_message(message):
    return {
        "association": message.association.name,
        "nom": message.name,
        "e-mail": message.email,
        "téléphone": message.phone,
        "objet": message.subject,
        "message": message.message,
        "reçu le": timezone.localtime(message.created_at).isoformat(),
    }


def find_room_requests(email, phone):
    return matching(RoomRequest.objects.select_related("room__house"), email=email, phone=phone)


def export_room_request(room_request):
    return {
        "salle": str(room_request.room),
        "date": room_request.starts_on.isoformat(),
        "nom": room_request.name,
        "organisme": room_request.organisation,
        "e-mail": room_request.email,
        "téléphone": room_request.phone,
        "pour quoi faire": room_request.purpose,
        "état": str(room_request.get_status_display()),
        "reçue le": timezone.localtime(room_request.created_at).isoformat(),
    }


ASSOCIATION_MESSAGES = Holder(
    name="association_messages",
    label=_("Messages aux associations"),
    find=find_messages,
    export=export_message,
)
ROOM_REQUESTS = Holder(
    name="room_requests",
    label=_("Demandes de salle"),
    find=find_room_requests,
    export=export_room_request,
)
