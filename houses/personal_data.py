"""What the houses keep about a person (their contact messages), for coop_site/personal_data.py."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.personal_data import Holder, matching

from .models import ContactMessage


def find(email, phone):
    return matching(ContactMessage.objects.select_related("house"), email=email, phone=phone)


def export(message):
    return {
        "maison": message.house.name,
        "nom": message.name,
        "e-mail": message.email,
        "téléphone": message.phone,
        "objet": message.subject,
        "message": message.message,
        "reçu le": timezone.localtime(message.created_at).isoformat(),
    }


CONTACT_MESSAGES = Holder(
    name="contact_messages", label=_("Messages de contact"), find=find, export=export
)
