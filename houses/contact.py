"""The contact form's POST, one way for every page that has one (a house, the evaluation)."""

from django.http import HttpResponseRedirect

from .forms import ContactForm
from .services import ContactRejected, contact_message_submit


class ContactFormMixin:
    """For a TemplateView or DetailView: GET shows the form, POST saves and e-mails the message.

    The view names the house that receives it (`get_contact_house()`) and its
    `topic`. A message accepted redirects to `?envoye=1` (the template thanks
    the visitor when `sent`); one refused (a field, the honeypot, the rate
    limit) gives the page again with its errors, status 400.
    """

    topic = ""
    success_fragment = ""  # e.g. "#contact": where the thanks are on the page

    def get_contact_house(self):
        raise NotImplementedError

    def get_contact_initial(self):
        return {}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ContactForm(initial=self.get_contact_initial()))
        kwargs["sent"] = self.request.GET.get("envoye") == "1"
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = ContactForm(request.POST)
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
