from django import forms
from django.utils.translation import gettext_lazy as _

from coop_site.forms import AccessibleFormMixin
from coop_site.relay import HoneypotFormMixin
from houses.models import House


class HouseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SubscribeForm(HoneypotFormMixin, AccessibleFormMixin, forms.Form):
    """An address and the houses it wants to follow; the confirmation e-mail does the rest."""

    email = forms.EmailField(
        label=_("Votre e-mail"),
        max_length=254,
        help_text=_("Par exemple : prenom.nom@exemple.fr"),
        error_messages={
            "required": _("Indiquez votre e-mail : c'est là que les nouvelles arriveront."),
            "invalid": _(
                "Cet e-mail n'est pas complet : il ressemble à prenom.nom@exemple.fr "
                "(avec un @ et un point)."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    maisons = HouseChoiceField(
        label=_("Les maisons à suivre"),
        queryset=House.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Cochez au moins une maison à suivre."),
            "invalid_choice": _("Cette maison n'existe pas : cochez-en une de la liste."),
            "invalid_pk_value": _("Cette maison n'existe pas : cochez-en une de la liste."),
        },
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
