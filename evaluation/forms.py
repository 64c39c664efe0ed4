from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from coop_site.formatting import format_file_size
from coop_site.pdf import validate_report_pdf

from . import services
from .models import Report


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
    # The token of a PDF received with a form that had another error.
    pending_upload = forms.CharField(
        label=_("Fichier reçu"), required=False, widget=forms.HiddenInput
    )

    # Set by the admin: a pending upload can only be claimed from its own session.
    session = None

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
            "published_on",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pdf_upload"].help_text = _(
            "Un vrai PDF, non protégé par un mot de passe, de %(limit)s au plus. "
            "Envoyer un nouveau fichier remplace l'actuel, qui reste dans l'historique."
        ) % {"limit": format_file_size(settings.EVALUATION_REPORT_MAX_SIZE)}
        self.fields["full_report"].queryset = Report.objects.exclude(kind=Report.Kind.SYNTHESIS)
        self.pending = None

    def clean(self):
        data = super().clean()
        if data.get("full_report") and data.get("kind") != Report.Kind.SYNTHESIS:
            self.add_error("full_report", _("Seule une synthèse renvoie vers un rapport complet."))
        token = data.get("pending_upload")
        if token and not data.get("pdf_upload") and "pdf_upload" not in self.errors:
            self.pending = services.pending_upload_find(session=self.session, token=token)
            if self.pending is None:
                self.add_error(
                    "pdf_upload",
                    _(
                        "Le fichier PDF envoyé tout à l'heure n'est plus disponible : "
                        "choisissez-le à nouveau."
                    ),
                )
        return data

    def report_upload(self):
        """The PDF to store with the report: a new file, or the one kept from before."""
        uploaded = self.cleaned_data.get("pdf_upload")
        if uploaded:
            return uploaded
        return self.pending.open() if self.pending else None

    def upload_stored(self):
        """The report has its PDF: a pending copy is no longer needed."""
        token = self.cleaned_data.get("pending_upload")
        if token and self.session is not None:
            services.pending_upload_discard(session=self.session, token=token)

    def keep_upload(self):
        """On a page shown again with errors: keep the checked PDF and say so at its field.

        Without this the officer would lose the file silently, since a
        browser never fills a file input again.
        """
        cleaned = getattr(self, "cleaned_data", {})
        uploaded = cleaned.get("pdf_upload")
        if uploaded and "pdf_upload" not in self.errors and self.session is not None:
            self.upload_stored()  # a newer file replaces the one kept before
            self.pending = services.pending_upload_keep(
                session=self.session, uploaded_file=uploaded
            )
        if self.pending is None:
            return
        self.data = self.data.copy()
        self.data[self.add_prefix("pending_upload")] = self.pending.token
        help_text = format_html(
            "<strong>{}</strong> {}<br>{}",
            _("Fichier reçu : %(name)s (%(size)s).")
            % {"name": self.pending.name, "size": format_file_size(self.pending.size)},
            _(
                "Il sera enregistré avec le rapport : inutile de le choisir à nouveau. "
                "Pour envoyer un autre fichier, choisissez-le ici."
            ),
            self.fields["pdf_upload"].help_text,
        )
        # The admin has already bound the field, which copied the help text.
        self.fields["pdf_upload"].help_text = self["pdf_upload"].help_text = help_text
