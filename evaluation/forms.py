from django import forms
from django.utils.translation import gettext_lazy as _

from coop_site.formatting import format_file_size

from .models import Report
from .pdf import max_upload_size, validate_report_pdf


class CompareForm(forms.Form):
    """Two years to compare; only years whose report has scores are offered."""

    a = forms.TypedChoiceField(label=_("Première année"), coerce=int)
    b = forms.TypedChoiceField(label=_("Seconde année"), coerce=int)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(year), label) for year, label in years]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
        if len(choices) >= 2 and not self.is_bound:
            # The two latest years, oldest first.
            self.initial = {"a": choices[1][0], "b": choices[0][0]}


class ReportAdminForm(forms.ModelForm):
    """The report, with its PDF sent through the upload service rather than stored as-is."""

    pdf_upload = forms.FileField(
        label=_("Fichier PDF du rapport"),
        required=False,
        validators=[validate_report_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    class Meta:
        model = Report
        fields = [
            "referential",
            "year",
            "end_year",
            "kind",
            "title",
            "summary",
            "full_report",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pdf_upload"].help_text = _(
            "Un vrai PDF, non protégé par un mot de passe, de %(limit)s au plus. "
            "Envoyer un nouveau fichier remplace l'actuel, qui reste dans l'historique."
        ) % {"limit": format_file_size(max_upload_size())}
        self.fields["full_report"].queryset = Report.objects.exclude(kind=Report.Kind.SYNTHESIS)

    def clean(self):
        data = super().clean()
        if data.get("full_report") and data.get("kind") != Report.Kind.SYNTHESIS:
            self.add_error("full_report", _("Seule une synthèse renvoie vers un rapport complet."))
        return data
