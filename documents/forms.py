from django import forms
from django.utils.translation import gettext_lazy as _

from houses.models import House

from .models import Document


class LibraryFilterForm(forms.Form):
    """The GET filters of /documents/; a bad value is reported at its field and ignored."""

    year = forms.TypedChoiceField(label=_("Année"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *Document.Kind.choices],
    )
    house = forms.ModelChoiceField(
        label=_("Maison"),
        required=False,
        queryset=House.objects.order_by("order", "name"),
        to_field_name="slug",
        empty_label=_("Toutes les maisons"),
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Toutes les années"))] + [
            (str(year), str(year)) for year in years
        ]

    def filters(self):
        """The valid filters only: one bad value does not cancel the others."""
        self.is_valid()
        for name in self.errors:
            self.fields[name].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-erreur"}
            )
        return {
            name: self.cleaned_data.get(name)
            for name in ("year", "kind", "house")
            if name not in self.errors
        }
