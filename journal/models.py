from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField

from coop_site import uploads
from coop_site.apphooks import reverse_or_empty
from coop_site.uploads import is_stored


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Issues staff chose to publish, whose PDF is public in the media library."""
        return self.filter(is_published=True, pdf__is_public=True)

    def for_listing(self):
        return self.select_related("pdf").prefetch_related("contents")


class Issue(models.Model):
    """One issue of the Coopération's journal: its PDF, its cover, its table of contents."""

    number = models.PositiveIntegerField(
        _("numéro"),
        unique=True,
        validators=[MinValueValidator(1)],
        error_messages={"unique": _("Ce numéro du journal existe déjà.")},
    )
    title = models.CharField(
        _("titre ou thème"),
        max_length=200,
        blank=True,
        help_text=_("Facultatif, par exemple « Spécial fête de quartier »."),
    )
    published_on = models.DateField(
        _("date de parution"),
        help_text=_("Sert au classement, du plus récent au plus ancien."),
    )
    pdf = FilerFileField(
        verbose_name=_("fichier PDF"),
        on_delete=models.PROTECT,
        related_name="journal_issues",
        help_text=_(
            "Le PDF du numéro, dans la médiathèque, public (case « Permissions désactivées » "
            "cochée). Sa couverture est tirée de sa première page."
        ),
    )
    cover = models.ImageField(
        _("couverture"),
        upload_to="journal/couvertures/",
        width_field="cover_width",
        height_field="cover_height",
        blank=True,
        editable=False,
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    page_count = models.PositiveIntegerField(
        _("nombre de pages"), null=True, blank=True, editable=False
    )
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    needs_processing = models.BooleanField(
        _("couverture à refaire"),
        default=False,
        editable=False,
        help_text=_("La couverture ou le texte du PDF n'ont pas pu être calculés."),
    )
    processing_error = models.CharField(
        _("erreur de traitement"), max_length=255, blank=True, editable=False
    )
    is_published = models.BooleanField(
        _("publié"),
        default=False,
        help_text=_("Cochez pour montrer le numéro dans la page du journal et les documents."),
    )
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        help_text=_("Numéro de démonstration : il est signalé comme exemple sur le site."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("numéro du journal")
        verbose_name_plural = _("numéros du journal")
        ordering = ["-published_on", "-number"]

    def __str__(self):
        if self.title:
            return _("Journal n° %(number)s : %(title)s") % {
                "number": self.number,
                "title": self.title,
            }
        return _("Journal n° %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        url = reverse_or_empty("journal:list")
        return f"{url}#{self.anchor}" if url else ""

    @property
    def anchor(self):
        return f"numero-{self.number}"

    def clean(self):
        super().clean()
        if self.pdf_id:
            try:
                self.check_pdf()
            except ValidationError as error:
                raise ValidationError({"pdf": error.messages}) from None

    def check_pdf(self):
        """The chosen file, judged by its content as any document (coop_site/uploads.py)."""
        file = self.pdf
        name = file.original_filename or file.file.name
        if not file.is_public:
            raise ValidationError(
                _(
                    "Ce fichier est privé dans la médiathèque : les visiteurs ne pourraient pas "
                    "le télécharger. Rendez-le public, ou choisissez un autre fichier."
                )
            )
        if not is_stored(file.file):
            raise ValidationError(
                _("Le fichier « %(name)s » est introuvable dans la médiathèque.") % {"name": name}
            )
        with file.file.open("rb") as handle:
            data = handle.read(uploads.max_size(uploads.PDF) + 1)
        uploads.check_bytes(data, name, kinds={uploads.PDF})

    @property
    def size(self):
        return self.pdf.size if self.pdf_id else None

    @property
    def download_url(self):
        """The PDF's URL; empty when its file is gone from storage (never a dead link)."""
        if not self.pdf_id or not is_stored(self.pdf.file):
            return ""
        return self.pdf.url

    @property
    def cover_url(self):
        return self.cover.url if self.cover else ""


class ContentsEntry(models.Model):
    """One line of an issue's table of contents: an article and its page."""

    issue = models.ForeignKey(
        Issue, verbose_name=_("numéro"), on_delete=models.CASCADE, related_name="contents"
    )
    title = models.CharField(_("article"), max_length=200)
    page = models.PositiveSmallIntegerField(_("page"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("article du sommaire")
        verbose_name_plural = _("sommaire")
        ordering = ["page", "pk"]

    def __str__(self):
        return f"{self.title} (p. {self.page})"

    def clean(self):
        super().clean()
        count = self.issue.page_count if self.issue_id else None
        if count and self.page and self.page > count:
            raise ValidationError(
                {
                    "page": _("Le numéro n'a que %(count)s pages : vérifiez la page.")
                    % {"count": count}
                }
            )
