from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coop_site.forms import AccessibleFormMixin
from coop_site.relay import HoneypotFormMixin, require_a_way_back
from houses.models import Activity

from .models import MAX_PEOPLE, PEOPLE_MESSAGE, Registration, item_field


def for_children(item):
    """An activity for children or young people (up to 17): the child's age is asked."""
    return isinstance(item, Activity) and item.age_max is not None and item.age_max < 18


class RegistrationForm(HoneypotFormMixin, AccessibleFormMixin, forms.ModelForm):
    """The fewest fields that work: who, how to reach them, how many, the child's age where it matters."""

    class Meta:
        model = Registration
        fields = ["name", "phone", "email", "people", "child_age", "comment"]
        labels = {
            "name": _("Votre nom"),
            "phone": _("Votre téléphone"),
            "email": _("Votre e-mail"),
            "people": _("Nombre de personnes"),
            "child_age": _("Âge de l'enfant"),
            "comment": _("Un mot pour l'équipe"),
        }
        help_texts = {
            "phone": _("Un téléphone ou un e-mail, pour que la maison puisse vous prévenir."),
            "email": _("Avec un e-mail, vous recevez la confirmation et le lien pour annuler."),
            "people": _("Vous compris, %(max)s au plus.") % {"max": MAX_PEOPLE},
            "comment": _("Une allergie, un besoin d'accessibilité, une question…"),
        }
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "people": forms.NumberInput(
                attrs={"inputmode": "numeric", "min": 1, "max": MAX_PEOPLE}
            ),
            "child_age": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Indiquez votre nom.")},
            "email": {"invalid": _("Cette adresse e-mail n'est pas valable : vérifiez-la.")},
            "people": {
                "required": _("Indiquez le nombre de personnes."),
                "invalid": PEOPLE_MESSAGE,
            },
            "child_age": {"invalid": _("Indiquez l'âge en chiffres, par exemple 8.")},
        }

    def __init__(self, *args, item, **kwargs):
        self.item = item
        # The row's own rules (1 to 10 people, a way back) are checked on it, item set.
        kwargs.setdefault("instance", Registration(**{item_field(item): item}))
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["people"].required = True
        self.fields["people"].initial = 1
        self.fields["people"].widget.attrs["min"] = 1
        if "child_age" in self.fields:
            self.fields["child_age"].widget.attrs["min"] = 0
        if for_children(item):
            self.fields["child_age"].required = True
            self.fields["child_age"].help_text = _(
                "L'activité accueille les enfants %(ages)s : l'âge de l'enfant inscrit."
            ) % {"ages": item.age_label.lower()}
            self.fields["child_age"].widget.attrs["aria-describedby"] = "id_child_age_help"
            self.fields["child_age"].error_messages["required"] = _("Indiquez l'âge de l'enfant.")
        else:
            del self.fields["child_age"]

    def clean_child_age(self):
        age = self.cleaned_data.get("child_age")
        item = self.item
        if age is None:
            return age
        too_young = item.age_min is not None and age < item.age_min
        too_old = item.age_max is not None and age > item.age_max
        if too_young or too_old:
            raise ValidationError(
                _(
                    "Cette activité accueille les enfants %(ages)s. Pour un autre âge, "
                    "regardez les autres activités ou appelez la maison."
                ),
                code="age",
                params={"ages": item.age_label.lower()},
            )
        return age

    def clean(self):
        data = super().clean()
        require_a_way_back(self, data)
        return data
