"""The e-mails the site sent to a person, for coop_site/personal_data.py: they repeat what
the person wrote or asked for, so erasing someone erases them too."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.personal_data import Holder, matching

from .models import OutgoingEmail


def find(email, phone):
    # Sent to them, or to a house about them (answering goes to them: « reply-to »).
    # By address only: an e-mail has no phone number to match.
    emails = OutgoingEmail.objects.all()
    return (
        matching(emails, email=email, email_field="to")
        | matching(emails, email=email, email_field="reply_to")
    ).distinct()


def export(email):
    return {
        "à": email.to,
        "objet": email.subject,
        "texte": email.body,
        "état": str(email.get_status_display()),
        "créé le": timezone.localtime(email.created_at).isoformat(),
    }


SENT_EMAILS = Holder(name="sent_emails", label=_("E-mails envoyés"), find=find, export=export)
