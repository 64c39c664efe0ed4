"""What the registrations keep about a person, for coop_site/personal_data.py."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.personal_data import Holder, matching

from .models import Registration


def find(email, phone):
    return matching(Registration.objects.with_item(), email=email, phone=phone)


def export(registration):
    return {
        "activité ou événement": str(registration.item),
        "nom": registration.name,
        "e-mail": registration.email,
        "téléphone": registration.phone,
        "personnes": registration.people,
        "âge de l'enfant": registration.child_age,
        "commentaire": registration.comment,
        "état": str(registration.get_status_display()),
        "demandée le": timezone.localtime(registration.created_at).isoformat(),
    }


REGISTRATIONS = Holder(name="registrations", label=_("Inscriptions"), find=find, export=export)
