from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coop_site.forms import AccessibleFormMixin
from coop_site.lists import FilterForm
from coop_site.relay import HoneypotFormMixin, require_a_way_back
from houses.forms import ContactForm, house_choices

from .models import Association, RoomRequest


class AssociationFilterForm(FilterForm):
    maison = forms.ChoiceField(label=_("Maison"), required=False)
    domaine = forms.ChoiceField(
        label=_("Domaine"),
        required=False,
        choices=[("", _("Tous les domaines")), *Association.Field.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maison"].choices = house_choices()

    def filter_queryset(self, queryset, filters):
        if "maison" in filters:
            queryset = queryset.filter(house__slug=filters["maison"])
        if "domaine" in filters:
            queryset = queryset.filter(field=filters["domaine"])
        return queryset


class AssociationRelayForm(ContactForm):
    """The house contact form's fields, rules and traps: the message goes to the association."""


class RoomFilterForm(FilterForm):
    maison = forms.ChoiceField(label=_("Maison"), required=False)
    personnes = forms.IntegerField(
        label=_("Nombre de personnes"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=_("Les salles qui accueillent au moins autant de personnes."),
        error_messages={"invalid": _("Indiquez un nombre en chiffres, par exemple 20.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maison"].choices = house_choices()

    def filter_queryset(self, queryset, filters):
        if "maison" in filters:
            queryset = queryset.filter(house__slug=filters["maison"])
        if "personnes" in filters:
            queryset = queryset.filter(capacity__gte=filters["personnes"])
        return queryset


class RoomRequestForm(HoneypotFormMixin, AccessibleFormMixin, forms.ModelForm):
    """A room request: checked at each field (a date past, an end before the start), in French."""

    class Meta:
        model = RoomRequest
        fields = [
            "starts_on",
            "ends_on",
            "starts_at",
            "ends_at",
            "attendees",
            "purpose",
            "organisation",
            "name",
            "email",
            "phone",
        ]
        labels = {
            "starts_on": _("Date souhaitée"),
            "starts_at": _("De (heure d'arrivée)"),
            "ends_at": _("À (heure de départ)"),
            "name": _("Votre nom"),
            "email": _("Votre e-mail"),
            "phone": _("Votre téléphone"),
        }
        help_texts = {
            "email": _("Un e-mail ou un téléphone, pour que l'équipe vous réponde."),
        }
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "attendees": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        error_messages = {
            "starts_on": {"invalid": _("Indiquez une date, par exemple 14/03/2027.")},
            "ends_on": {"invalid": _("Indiquez une date, par exemple 15/03/2027.")},
            "starts_at": {"invalid": _("Indiquez une heure, par exemple 14:00.")},
            "ends_at": {"invalid": _("Indiquez une heure, par exemple 17:30.")},
        }

    def __init__(self, *args, room, **kwargs):
        kwargs.setdefault("instance", RoomRequest(room=room))
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on < timezone.localdate():
            raise ValidationError(
                _("Cette date est passée : choisissez aujourd'hui ou un jour à venir."),
                code="past",
            )
        return starts_on

    def clean_attendees(self):
        attendees = self.cleaned_data["attendees"]
        capacity = self.instance.room.capacity
        if attendees and attendees > capacity:
            raise ValidationError(
                _(
                    "Cette salle accueille %(capacity)s personnes au plus : choisissez-en une "
                    "plus grande, ou écrivez à la maison."
                ),
                code="too_many",
                params={"capacity": capacity},
            )
        return attendees

    def clean(self):
        data = super().clean()
        require_a_way_back(self, data)
        return data
