from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CommitmentProgress

NOT_FILLED = [("", _("— non renseigné —"))]


class YearProgressForm(forms.Form):
    """Every commitment of the charter for one house and one year, on one screen."""

    def __init__(self, *args, commitments, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = commitments
        for commitment in commitments:
            entry = entries.get(commitment.pk)
            self.fields[f"status_{commitment.pk}"] = forms.ChoiceField(
                label=_("Statut de l'engagement %(number)s") % {"number": commitment.number},
                choices=NOT_FILLED + CommitmentProgress.Status.choices,
                required=False,
                initial=entry.status if entry else "",
            )
            self.fields[f"done_{commitment.pk}"] = forms.CharField(
                label=_("Ce qui a été fait (engagement %(number)s)")
                % {"number": commitment.number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "cols": 50}),
                initial=entry.done if entry else "",
            )

    def clean(self):
        cleaned = super().clean()
        for commitment in self.commitments:
            status = cleaned.get(f"status_{commitment.pk}")
            done = cleaned.get(f"done_{commitment.pk}", "").strip()
            if done and not status:
                # Never drop what someone wrote: ask for the missing status instead.
                self.add_error(
                    f"status_{commitment.pk}",
                    _("Choisissez un statut pour enregistrer ce qui a été fait."),
                )
        return cleaned

    def rows(self):
        """(commitment, status field, done field) in the charter's order."""
        return [
            (commitment, self[f"status_{commitment.pk}"], self[f"done_{commitment.pk}"])
            for commitment in self.commitments
        ]

    def values(self):
        return {
            commitment: (
                self.cleaned_data[f"status_{commitment.pk}"],
                self.cleaned_data[f"done_{commitment.pk}"].strip(),
            )
            for commitment in self.commitments
        }
