from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from coop_site.relay import Rejected, RelayFormMixin, sent_from_another_site
from houses.models import Activity, Event

from . import services
from .forms import RegistrationForm
from .models import Registration

ITEMS = {"activite": Activity, "evenement": Event}


class RequestView(RelayFormMixin, TemplateView):
    """Where the form of an activity's or event's page posts; with its errors, the page again.

    Accepted, the visitor goes to their request's own page (`RegistrationView`).
    """

    template_name = "registrations/request.html"
    form_context_name = "registration_form"

    def dispatch(self, request, *args, **kwargs):
        model = ITEMS.get(kwargs["kind"])
        if model is None:
            raise Http404(_("Cette page n'existe pas."))
        queryset = model.objects.all()
        if model is Event:
            queryset = queryset.with_related()
        self.item = get_object_or_404(queryset, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_relay_form(self, data=None):
        return RegistrationForm(data, item=self.item)

    def post(self, request, *args, **kwargs):
        if not self.item.takes_requests_now:
            # Nothing to correct: the item takes no request (any more).
            return self.render_to_response(self.get_context_data(), status=409)
        return super().post(request, *args, **kwargs)

    def submit(self, form):
        try:
            self.registration = services.registration_submit(
                form=form, item=self.item, request=self.request
            )
        except services.NotTakingRequests:
            raise Rejected(_("Les demandes en ligne sont closes pour cette date.")) from None

    def get_success_url(self):
        return self.registration.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(services.item_context(self.item, with_form=False))
        return context


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class RegistrationView(View):
    """/inscriptions/<signed link>/: the request, its status at once, and « Annuler ma demande ».

    The link is the only key (no account): the page is never cached, and
    cancelling is a POST, refused from another site as the visitors' forms are.
    """

    template_name = "registrations/registration.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = services.registration_from_token(kwargs["token"])
        except (signing.BadSignature, Registration.DoesNotExist):
            return self.bad_link(
                _("Ce lien n'est pas valable"),
                _(
                    "Il a peut-être été coupé en le copiant : ouvrez-le depuis l'e-mail reçu, "
                    "ou appelez la maison."
                ),
                status=404,
            )
        except services.ExpiredLink:
            return self.bad_link(
                _("Ce lien a expiré"),
                _("L'activité ou l'événement est terminé : il n'y a plus rien à annuler."),
                status=410,
            )
        return super().dispatch(request, *args, **kwargs)

    def bad_link(self, title, text, *, status):
        return TemplateResponse(
            self.request,
            "registrations/bad_link.html",
            {"title": title, "text": text},
            status=status,
        )

    def get(self, request, *args, **kwargs):
        registration = self.registration
        context = {
            "registration": registration,
            "status_sentence": services.status_sentence(registration),
            "just_cancelled": request.GET.get("annulee") == "1",
            **services.item_context(registration.item, with_form=False),
        }
        return TemplateResponse(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        if sent_from_another_site(request):
            raise PermissionDenied
        services.cancel(registration=self.registration, request=request)
        return HttpResponseRedirect(f"{request.path}?annulee=1")
