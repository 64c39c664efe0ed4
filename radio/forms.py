from django import forms
from django.utils.translation import gettext_lazy as _

from coop_site.lists import FilterForm
from houses.models import House


class EpisodeFilterForm(FilterForm):
    """The list's filter, read from the query string (works without JavaScript)."""

    maison = forms.ModelChoiceField(
        label=_("Maison"),
        queryset=House.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes les maisons"),
        error_messages={"invalid_choice": _("Cette maison n'existe pas : choisissez-en une.")},
    )

    def filter_queryset(self, queryset, filters):
        if "maison" in filters:
            queryset = queryset.for_house(filters["maison"])
        return queryset
