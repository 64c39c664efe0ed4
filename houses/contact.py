"""The contact form's POST, one way for every page that has one (a house, the evaluation).

The mechanism (no CSRF token but an origin check, honeypot, rate limit, stored
first then e-mailed) is the toolkit's, shared with the associations' forms:
see coop_site/relay.py.
"""

from coop_site.relay import RelayFormMixin, sent_from_another_site

from .forms import ContactForm
from .services import contact_message_submit

__all__ = ["ContactFormMixin", "sent_from_another_site"]


class ContactFormMixin(RelayFormMixin):
    """For a TemplateView or DetailView: GET shows the form, POST saves and e-mails the message.

    The view names the house that receives it (`get_contact_house()`) and its
    `topic`. A message accepted redirects to `?envoye=1` (the template thanks
    the visitor when `sent`); one refused (a field, the honeypot, the rate
    limit) gives the page again with its errors, status 400.
    """

    form_class = ContactForm
    topic = ""

    def get_contact_house(self):
        raise NotImplementedError

    def get_contact_initial(self):
        return {}

    def get_contact_recipients(self):
        """The roles the message may be addressed to (houses.recipients); none by default."""
        return ()

    def get_relay_initial(self):
        return self.get_contact_initial()

    def get_relay_form(self, data=None):
        return ContactForm(
            data, initial=self.get_relay_initial(), recipients=self.get_contact_recipients()
        )

    def submit(self, form):
        contact_message_submit(
            house=self.get_contact_house(),
            data=form.cleaned_data,
            topic=self.topic,
            request=self.request,
        )
