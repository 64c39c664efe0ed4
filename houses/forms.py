from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coop_site.forms import AccessibleFormMixin
from coop_site.lists import FilterForm
from coop_site.relay import HoneypotFormMixin, require_a_way_back
from search.services import narrow

from .models import Activity, Event, House, Weekday


def validate_single_line(value):
    # A line break in a mail header is refused by Django at send time, after the
    # message is saved: refuse it here, where the visitor can correct it.
    if "\r" in value or "\n" in value:
        raise ValidationError(_("L'objet doit tenir sur une seule ligne."), code="line_break")


CONTACT_MESSAGE_MAX_LENGTH = 5000


class ContactForm(HoneypotFormMixin, AccessibleFormMixin, forms.Form):
    name = forms.CharField(label=_("Votre nom"), max_length=120)
    email = forms.EmailField(
        label=_("Votre e-mail"),
        required=False,
        help_text=_("Un e-mail ou un téléphone, pour que l'on puisse vous répondre."),
    )
    phone = forms.CharField(
        label=_("Votre téléphone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    subject = forms.CharField(label=_("Objet"), max_length=160, validators=[validate_single_line])
    message = forms.CharField(
        label=_("Votre message"),
        max_length=CONTACT_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, recipients=(), **kwargs):
        """`recipients`: the roles of the house's people (houses.recipients), offered if any."""
        super().__init__(*args, **kwargs)
        if recipients:
            self.fields["addressed_to"] = forms.ChoiceField(
                label=_("À l'attention de"),
                required=False,
                choices=[("", _("L'équipe de la maison"))] + [(role, role) for role in recipients],
                help_text=_("La personne qui tient ce rôle lit votre message en premier."),
                # Added after AccessibleFormMixin tied the other fields to their help.
                widget=forms.Select(attrs={"aria-describedby": "id_addressed_to_help"}),
                error_messages={
                    "invalid_choice": _("Choisissez un rôle de la liste, ou l'équipe de la maison.")
                },
            )
            self.order_fields(["name", "email", "phone", "addressed_to"])
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        data = super().clean()
        require_a_way_back(self, data)
        return data


def keywords_field():
    """Free text, matched as the site search matches it (accents and case ignored)."""
    return forms.CharField(
        label=_("Mots-clés"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


def house_choices():
    return [("", _("Toutes les maisons"))] + [
        (h.slug, h.short_name) for h in House.objects.only("slug", "short_name")
    ]


class ActivityFilterForm(FilterForm):
    maison = forms.ChoiceField(label=_("Maison"), required=False)
    categorie = forms.ChoiceField(
        label=_("Catégorie"),
        required=False,
        choices=[("", _("Toutes les catégories")), *Activity.Category.choices],
    )
    age = forms.IntegerField(
        label=_("Âge"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("L'âge de la personne, en années."),
        error_messages={"invalid": _("Indiquez un âge en chiffres, par exemple 8.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    jour = forms.TypedChoiceField(
        label=_("Jour"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Tous les jours")), *Weekday.choices],
    )

    q = keywords_field()  # last: the other filters come first in the address

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maison"].choices = house_choices()

    def filter_queryset(self, queryset, filters):
        if "maison" in filters:
            queryset = queryset.filter(houses__slug=filters["maison"])
        if "categorie" in filters:
            queryset = queryset.filter(category=filters["categorie"])
        if "age" in filters:
            queryset = queryset.for_age(filters["age"])
        if "jour" in filters:
            queryset = queryset.filter(weekday=filters["jour"])
        if "q" in filters:
            queryset = narrow(queryset, filters["q"])
        return queryset.distinct()


class EventFilterForm(FilterForm):
    maison = forms.ChoiceField(label=_("Maison"), required=False)
    theme = forms.ChoiceField(
        label=_("Thème"), required=False, choices=[("", _("Tous les thèmes")), *Event.Theme.choices]
    )
    public = forms.ChoiceField(
        label=_("Public"),
        required=False,
        choices=[("", _("Tous les publics")), *Event.Audience.choices],
    )

    q = keywords_field()  # last: the other filters come first in the address

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["maison"].choices = house_choices()

    def filter_queryset(self, queryset, filters):
        if "maison" in filters:
            slug = filters["maison"]
            queryset = queryset.filter(Q(organiser__slug=slug) | Q(place_house__slug=slug))
        if "theme" in filters:
            queryset = queryset.filter(theme=filters["theme"])
        if "public" in filters:
            queryset = queryset.filter(audience=filters["public"])
        if "q" in filters:
            queryset = narrow(queryset, filters["q"])
        return queryset
