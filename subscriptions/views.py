"""/suivre/: follow houses by e-mail; the confirmation and unsubscribe links of the e-mails.

The pages that act on a link (confirm, unsubscribe) are never stored in the
page cache (`never_cache`): each visit must reach the database. Their forms,
like the visitors' forms of coop_site/relay.py, carry no CSRF token (no
cookie); the signed token is the proof, and the « me réabonner » form is
refused from another site.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView, View

from coop_site.relay import RelayFormMixin, sent_from_another_site
from houses.models import House

from .forms import SubscribeForm
from .services import (
    subscribed_houses,
    subscription_confirm,
    subscription_leave,
    subscription_request,
    subscription_resume,
)
from .tokens import BadLink, read_confirm_token, read_unsubscribe_token


class SubscribeView(RelayFormMixin, TemplateView):
    """The form: an e-mail and houses to follow (`?maison=<slug>` ticks one)."""

    template_name = "subscriptions/subscribe.html"
    form_class = SubscribeForm

    def get_relay_initial(self):
        slug = self.request.GET.get("maison", "")
        return {"maisons": [slug]} if slug else {}

    def submit(self, form):
        subscription_request(data=form.cleaned_data, request=self.request)


def bad_link(request, error):
    return render(
        request, "subscriptions/bad_link.html", {"message": str(error)}, status=error.status
    )


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The double opt-in link: following it is the consent."""

    def get(self, request, token):
        try:
            subscriber, house_pks = read_confirm_token(token)
        except BadLink as error:
            return bad_link(request, error)
        subscriber = subscription_confirm(subscriber=subscriber, house_pks=house_pks)
        return render(
            request,
            "subscriptions/confirmed.html",
            {"houses": subscribed_houses(subscriber)},
        )


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """One click: the link (GET) and the mail client's « Se désabonner » (RFC 8058 POST)."""

    def get(self, request, token):
        return self.leave(request, token)

    def post(self, request, token):
        if request.POST.get("List-Unsubscribe") != "One-Click":
            return bad_link(
                request, BadLink("Ce formulaire attend « List-Unsubscribe=One-Click ».")
            )
        return self.leave(request, token)

    def leave(self, request, token):
        try:
            subscriber, house_pk = read_unsubscribe_token(token)
        except BadLink as error:
            return bad_link(request, error)
        subscription_leave(subscriber=subscriber, house_pk=house_pk)
        return render(
            request,
            "subscriptions/unsubscribed.html",
            {
                "house": House.objects.filter(pk=house_pk).first() if house_pk else None,
                "token": token,
                "can_resume": subscriber.confirmed_at is not None,
            },
        )


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class ResumeView(View):
    """« Je me suis trompé·e » : the unsubscribe undone, by a button (never by a GET)."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and sent_from_another_site(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def read(self, request, token):
        subscriber, house_pk = read_unsubscribe_token(token)
        return subscriber, house_pk, House.objects.filter(pk=house_pk).first() if house_pk else None

    def get(self, request, token):
        try:
            _subscriber, _house_pk, house = self.read(request, token)
        except BadLink as error:
            return bad_link(request, error)
        return render(
            request, "subscriptions/resume.html", {"house": house, "token": token, "done": False}
        )

    def post(self, request, token):
        try:
            subscriber, house_pk, house = self.read(request, token)
        except BadLink as error:
            return bad_link(request, error)
        subscription_resume(subscriber=subscriber, house_pk=house_pk)
        return render(
            request,
            "subscriptions/resume.html",
            {"house": house, "token": token, "done": True, "houses": subscribed_houses(subscriber)},
        )
