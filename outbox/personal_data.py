"""The e-mails the site sent to a person, for coop_site/personal_data.py: they repeat what
the person wrote or asked for, so erasing someone erases them too."""

import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.personal_data import Holder, matching, phone_digits

from .models import OutgoingEmail

# A phone number as people write it in a text: « 06 12 34 56 78 », « +33 6.12.34.56.78 ».
PHONE_IN_TEXT = re.compile(r"\+?\d[\d .()-]{6,}\d")


def find(email, phone):
    """Sent to them, or to a house about them: answering goes to them (« reply-to »), or the
    text gives their phone (a request left with a phone only)."""
    emails = OutgoingEmail.objects.all()
    pks = set()
    for field in ("to", "reply_to"):
        pks |= set(matching(emails, email=email, email_field=field).values_list("pk", flat=True))
    digits = phone_digits(phone)
    if len(digits) >= 6:
        for pk, body in emails.filter(body__contains=digits[-2:]).values_list("pk", "body"):
            if digits in {phone_digits(text) for text in PHONE_IN_TEXT.findall(body)}:
                pks.add(pk)
    return emails.filter(pk__in=pks)


def export(email):
    return {
        "à": email.to,
        "objet": email.subject,
        "texte": email.body,
        "état": str(email.get_status_display()),
        "créé le": timezone.localtime(email.created_at).isoformat(),
    }


SENT_EMAILS = Holder(name="sent_emails", label=_("E-mails envoyés"), find=find, export=export)
