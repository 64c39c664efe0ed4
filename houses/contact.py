"""The contact form's POST, one way for every page that has one (a house, the evaluation).

The form carries no CSRF token, so that the pages showing it (a house, a
report) set no cookie and can be kept in the page cache and by proxies. It is
protected the way the token would protect it: a browser names the site a form
was sent from (`Origin`, or `Sec-Fetch-Site`), and a form sent from another
site is refused. A message is anonymous, so a forged one could not act in
anyone's name anyway; the honeypot and the rate limit stop robots.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt

from .forms import ContactForm
from .services import ContactRejected, contact_message_submit


def sent_from_another_site(request):
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin not in {
            f"{request.scheme}://{request.get_host()}",
            *settings.CSRF_TRUSTED_ORIGINS,
        }
    return request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") not in {"same-origin", "none"}


class ContactFormMixin:
    """For a TemplateView or DetailView: GET shows the form, POST saves and e-mails the message.

    The view names the house that receives it (`get_contact_house()`) and its
    `topic`. A message accepted redirects to `?envoye=1` (the template thanks
    the visitor when `sent`); one refused (a field, the honeypot, the rate
    limit) gives the page again with its errors, status 400.
    """

    topic = ""
    success_fragment = ""  # e.g. "#contact": where the thanks are on the page

    @classmethod
    def as_view(cls, **initkwargs):
        # No token (see the module's docstring): checked by origin in dispatch().
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and sent_from_another_site(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_contact_house(self):
        raise NotImplementedError

    def get_contact_initial(self):
        return {}

    def get_contact_recipients(self):
        """The roles the message may be addressed to (houses.recipients); none by default."""
        return ()

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form",
            ContactForm(
                initial=self.get_contact_initial(), recipients=self.get_contact_recipients()
            ),
        )
        kwargs["sent"] = self.request.GET.get("envoye") == "1"
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = ContactForm(request.POST, recipients=self.get_contact_recipients())
        if form.is_valid():
            try:
                contact_message_submit(
                    house=self.get_contact_house(),
                    data=form.cleaned_data,
                    topic=self.topic,
                    request=request,
                )
            except ContactRejected as rejected:
                form.add_error(None, str(rejected))
            else:
                return HttpResponseRedirect(f"{request.path}?envoye=1{self.success_fragment}")
        return self.render_to_response(self.get_context_data(form=form), status=400)
