import re

from django import forms
from django.utils.translation import gettext_lazy as _

from coop_site.forms import AccessibleFormMixin
from houses.fees import QUOTIENT_MAX

# « 650 », « 650 € », « 1 200 », « 650,00 »: what a resident copies from a CAF letter.
QUOTIENT = re.compile(r"^(\d+)(?:[.,]\d{1,2})?$")


class QuotientField(forms.CharField):
    """A quotient familial in whole euros, typed as on the CAF's letter."""

    default_error_messages = {
        "invalid": _(
            "Écrivez votre quotient familial en chiffres, sans lettres : par exemple 650."
        ),
        "negative": _("Un quotient familial ne peut pas être négatif : par exemple 650."),
        "too_big": _(
            "%(value)s € semble trop élevé pour un quotient familial : vérifiez le nombre "
            "sur votre attestation de la CAF (par exemple 650)."
        ),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        # The parsed number, not the text, is checked against QUOTIENT_MAX: no max_length.
        text = re.sub(r"[\s\u00a0\u202f€]", "", value[:40]).removesuffix("euros")
        if text.startswith("-") and QUOTIENT.match(text[1:]):
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        match = QUOTIENT.match(text)
        if not match:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        quotient = int(match[1])
        if quotient > QUOTIENT_MAX:
            raise forms.ValidationError(
                self.error_messages["too_big"], code="too_big", params={"value": text}
            )
        return quotient


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        houses = ", ".join(house.short_name or house.name for house in obj.houses.all())
        return f"{obj.title} ({houses})" if houses else obj.title


class CalculatorForm(AccessibleFormMixin, forms.Form):
    quotient = QuotientField(
        label=_("Votre quotient familial (en euros)"),
        help_text=_("Il est écrit sur votre attestation de la CAF ou de la MSA. Ex. : 650."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": "20"}
        ),
    )
    activite = ActivityChoiceField(
        label=_("Une activité (facultatif)"),
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label=_("Toutes les grilles des maisons"),
        error_messages={
            "invalid_choice": _(
                "Cette activité n'existe pas ou plus : choisissez-en une dans la liste."
            )
        },
    )

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activite"].queryset = activities
