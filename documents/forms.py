from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from coop_site.lists import FilterForm
from houses.models import House

from .models import Document, DocumentList
from .services import library_rows
from .uploads import check_document_upload


class LibraryFilterForm(FilterForm):
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

    def filter_queryset(self, documents, filters):
        """The library's rows (documents and the sources' entries) that match the valid filters."""
        return library_rows(documents=documents, **filters)


class DocumentListForm(forms.ModelForm):
    """The documents block: pick documents already online, or send a new one from here.

    A file sent here becomes a published document (see
    `document_create_from_upload`), so an editor never has to declare it in
    the administration first.
    """

    upload_file = forms.FileField(
        label=_("Envoyer un nouveau document"),
        required=False,
        help_text=_(
            "PDF, document bureautique (Word, Excel, PowerPoint, OpenDocument) ou image. "
            "Il est rangé dans le dossier « Documents » de la médiathèque, publié dans la "
            "page Documents du site à la date du jour, et montré dans ce bloc."
        ),
    )
    upload_title = forms.CharField(
        label=_("Titre du nouveau document"),
        max_length=200,
        required=False,
        help_text=_("Laissez vide pour reprendre le nom du fichier."),
    )
    upload_year = forms.IntegerField(
        label=_("Année du nouveau document"),
        required=False,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("L'année dont parle le document ; laissez vide pour l'année en cours."),
    )
    upload_houses = forms.ModelMultipleChoiceField(
        label=_("Maisons concernées par le nouveau document"),
        queryset=House.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Laissez vide pour un document de toute la Coopération."),
    )

    class Meta:
        model = DocumentList
        fields = ["title", "documents", "house", "limit"]

    def clean_upload_file(self):
        upload = self.cleaned_data.get("upload_file")
        if upload:
            check_document_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        described = cleaned.get("upload_title") or cleaned.get("upload_houses")
        if described and not cleaned.get("upload_file") and "upload_file" not in self.errors:
            self.add_error(
                "upload_file",
                _("Choisissez le fichier du nouveau document, ou videz son titre et ses maisons."),
            )
        return cleaned
