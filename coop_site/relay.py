"""A visitor's message passed on to a house: one mechanism for every form that sends one.

The house contact form (houses.contact), an association's relay form and a room
request (associations) all work the same way:

- **No CSRF token**, so that the pages showing the form set no cookie and stay
  in the page cache: a form sent from another site (`Origin`, or
  `Sec-Fetch-Site`) is refused instead (`sent_from_another_site`). A message is
  anonymous, so a forged one could not act in anyone's name anyway.
- **Robots stopped** (`guard`): a honeypot field, `website`, hidden from people
  and filled by naive bots; and a per-address rate limit, shared by all these
  forms (a robot trying each of them is one visitor).
- **Stored first, then e-mailed** (`mail_after_storing`): the record is saved,
  and its e-mail goes through the outbox, sent in the background and tried
  again while the mail server is down; until it leaves, staff read the record
  in the admin, where its empty « transmis par e-mail le » says so.
- **French errors** at the field, and the page again with status 400
  (`RelayFormMixin`); accepted, a redirect to `?envoye=1`.
"""

import hashlib
import logging

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from coop_site.forms import validate_phone
from outbox.services import queue_email

logger = logging.getLogger(__name__)

RATE_LIMIT = 5  # messages, all these forms together
RATE_WINDOW = 60 * 60  # seconds
HONEYPOT = "website"
# The rate limit's sentence for a form that asks for something (a room, a place).
TOO_MANY_REQUESTS = gettext_lazy(
    "Vous avez envoyé beaucoup de demandes en peu de temps. "
    "Merci de réessayer dans une heure, ou d'appeler la maison."
)


class Rejected(Exception):
    """The message was not accepted; `str(exc)` is a French sentence for the visitor."""


def sent_from_another_site(request):
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin not in {
            f"{request.scheme}://{request.get_host()}",
            *settings.CSRF_TRUSTED_ORIGINS,
        }
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") not in {"same-origin", "none"}


def _client_ip(request):
    # Behind the reverse proxy, REMOTE_ADDR is set from X-Real-IP by the proxy itself.
    return request.META.get("REMOTE_ADDR", "") or "inconnue"


def _rate_key(request):
    digest = hashlib.sha256(_client_ip(request).encode()).hexdigest()[:32]
    return f"coop:relay:{digest}"


def guard(request, data, *, too_many=None):
    """Raise `Rejected` for a robot (honeypot filled) or a visitor over the rate limit;
    otherwise count this message. `too_many` is the sentence for the rate limit."""
    if data.get(HONEYPOT):
        logger.info("Message rejected by the honeypot")
        raise Rejected(_("Votre message n'a pas pu être envoyé."))
    key = _rate_key(request)
    count = cache.get(key, 0)
    if count >= RATE_LIMIT:
        raise Rejected(
            too_many
            or _(
                "Vous avez envoyé beaucoup de messages en peu de temps. "
                "Merci de réessayer dans une heure, ou d'appeler la maison."
            )
        )
    cache.set(key, count + 1, RATE_WINDOW)


def mail_after_storing(record, *, to, subject, body, reply_to=None):
    """E-mail a record that is saved already, through the outbox (outbox.services).

    The e-mail is kept and sent in the background; a mail server that is down
    delays it and loses nothing. When it leaves, the record's `emailed_at` says
    so; until then staff read the record in the admin. Returns the stored
    e-mail, or None when there is nobody to send it to.
    """
    if not to:
        return None
    return queue_email(to=to, subject=subject, body=body, reply_to=reply_to, about=record)


class RelayFormMixin:
    """For a TemplateView or DetailView: GET shows the form, POST hands it to `submit(form)`.

    The view sets `form_class` and implements `submit(form)`, which saves and
    mails (raising `Rejected` when refused). A form accepted redirects to
    `?envoye=1` plus `success_fragment` (the template thanks the visitor when
    `sent`); one refused (a field, the honeypot, the rate limit) gives the
    page again with its errors, status 400. The form is `form_context_name`
    in the template.
    """

    form_class = None
    form_context_name = "form"
    success_fragment = ""  # e.g. "#contact": where the thanks are on the page

    @classmethod
    def as_view(cls, **initkwargs):
        # No token (see the module's docstring): checked by origin in dispatch().
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and sent_from_another_site(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_relay_initial(self):
        return {}

    def get_relay_form(self, data=None):
        return self.form_class(data, initial=self.get_relay_initial())

    def submit(self, form):
        raise NotImplementedError

    def get_success_url(self):
        """Where an accepted form goes: the page again, thanking the visitor (`sent`)."""
        return f"{self.request.path}?envoye=1{self.success_fragment}"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(self.form_context_name, self.get_relay_form())
        kwargs["sent"] = self.request.GET.get("envoye") == "1"
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_relay_form(request.POST)
        if form.is_valid():
            try:
                self.submit(form)
            except Rejected as rejected:
                form.add_error(None, str(rejected))
            else:
                return HttpResponseRedirect(self.get_success_url())
        return self.render_to_response(
            self.get_context_data(**{self.form_context_name: form}), status=400
        )


class HoneypotFormMixin:
    """A relayed message's form: the `website` trap (hidden by templates/includes/contact_form.html)
    and `visible_fields_list`, the fields people fill in. A `phone` field must hold a number
    someone can call back (`validate_phone`): every visitor's form checks it the same way."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "phone" in self.fields:
            self.fields["phone"].validators.append(validate_phone)
        # Hidden from people (CSS and aria-hidden), filled by naive bots.
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Ne remplissez pas ce champ"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def visible_fields_list(self):
        return [field for field in self if field.name != HONEYPOT]


def require_a_way_back(form, data, *, email="email", phone="phone"):
    """An e-mail or a phone number, so that the team can answer: the error at the e-mail field."""
    if not data.get(email) and not (data.get(phone) or "").strip():
        form.add_error(
            email, _("Indiquez un e-mail ou un téléphone pour que l'on puisse vous répondre.")
        )
