"""Everything the site keeps about one person, found by their e-mail or phone: a registry.

Each app that keeps visitors' personal data (a contact message, a request for
a place, a subscription) registers a `Holder` from its `AppConfig.ready()`:
how to find that person's rows, how to write one out, how to erase them. The
administrators' screen « Données d'une personne » (`PersonalDataView`, under
the admin's address) asks every holder at once: what is held, « Exporter
(JSON) », « Tout effacer ».

    # registrations/apps.py
    from coop_site.personal_data import register
    register(Holder(name="registrations", label=_("Inscriptions"), find=..., export=...))
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PERMISSION = "registrations.manage_personal_data"


@dataclass(frozen=True)
class Holder:
    """`find(email, phone)` gives a queryset of the person's rows (either may be empty);
    `export(row)` a dict of what the row says; `erase(queryset)` deletes (by default)."""

    name: str
    label: str
    find: Callable
    export: Callable
    erase: Callable = None

    def erase_rows(self, queryset):
        if self.erase is not None:
            return self.erase(queryset)
        deleted, _by_model = queryset.delete()
        return deleted


_holders = {}


def register(holder):
    """Adds (or replaces, under the same name) what an app keeps about people."""
    _holders[holder.name] = holder


def holders():
    return list(_holders.values())


def phone_digits(phone):
    """The digits someone would dial: « +33 6 12 34 56 78 » and « 06.12.34.56.78 » alike."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def matching(queryset, *, email="", phone="", email_field="email", phone_field="phone"):
    """The rows of `queryset` with this e-mail (any case) or this phone (any spacing).

    A helper for the holders' `find`: phones are compared digit by digit, after
    narrowing in the database to those ending with the same two digits.
    """
    found = queryset.none()
    if email:
        found = found | queryset.filter(**{f"{email_field}__iexact": email})
    digits = phone_digits(phone)
    if len(digits) >= 6:
        candidates = queryset.filter(**{f"{phone_field}__contains": digits[-2:]})
        pks = [
            pk
            for pk, value in candidates.values_list("pk", phone_field)
            if phone_digits(value) == digits
        ]
        found = found | queryset.filter(pk__in=pks)
    return found.distinct()


def find_all(*, email="", phone=""):
    """[(holder, rows)] for every holder, rows a list (maybe empty)."""
    return [(holder, list(holder.find(email, phone))) for holder in holders()]


def export_all(*, email="", phone=""):
    return {
        "personne": {"e-mail": email, "téléphone": phone},
        "exporté le": timezone.now(),
        "données": {
            str(holder.label): [holder.export(row) for row in rows]
            for holder, rows in find_all(email=email, phone=phone)
        },
    }


def erase_all(*, email="", phone=""):
    """Delete every row about the person; {label: rows deleted}."""
    erased = {}
    with transaction.atomic():
        for holder in holders():
            erased[str(holder.label)] = holder.erase_rows(holder.find(email, phone))
    return erased


# --- The administrators' screen --------------------------------------------------------


class PersonForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        required=False,
        error_messages={"invalid": gettext_lazy("Cette adresse e-mail n'est pas valable.")},
    )
    phone = forms.CharField(label=gettext_lazy("Téléphone"), max_length=30, required=False)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and len(phone_digits(phone)) < 6:
            raise ValidationError(_("Indiquez le numéro en entier, par exemple 06 12 34 56 78."))
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.errors:
            raise ValidationError(_("Indiquez l'e-mail ou le téléphone de la personne."))
        return data


def personal_data_view(request):
    """Admin page « Données d'une personne »: what is held, export it, erase it (administrators)."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    form = PersonForm(source if source else None)
    context = {
        **admin.site.each_context(request),
        "title": _("Données d'une personne"),
        "form": form,
        "holders": holders(),
    }
    if form.is_valid():
        email, phone = form.cleaned_data["email"], form.cleaned_data["phone"]
        action = request.POST.get("action") if request.method == "POST" else None
        if action == "export":
            data = json.dumps(
                export_all(email=email, phone=phone),
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            )
            response = HttpResponse(data, content_type="application/json; charset=utf-8")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="donnees-{stamp}.json"'
            return response
        if action == "erase" and request.POST.get("confirm") == "1":
            erased = erase_all(email=email, phone=phone)
            total = sum(erased.values())
            messages.success(
                request,
                _("%(count)s élément(s) effacé(s) : %(detail)s.")
                % {
                    "count": total,
                    "detail": ", ".join(f"{label} : {n}" for label, n in erased.items()) or "—",
                },
            )
            return HttpResponseRedirect(request.path)
        if action == "erase":
            context["confirming"] = True
        context["found"] = [
            (holder, [holder.export(row) for row in rows])
            for holder, rows in find_all(email=email, phone=phone)
        ]
        context["total"] = sum(len(rows) for _holder, rows in context["found"])
    return TemplateResponse(request, "coop_site/admin/personal_data.html", context)
