from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField

from coop_site.uploads import is_stored


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """Documents staff chose to publish, whose file is public in the media library."""
        return self.filter(is_published=True, file__is_public=True)

    def for_house(self, house):
        return self.filter(houses=house)

    def for_listing(self):
        return self.select_related("file").prefetch_related("houses")


class Document(models.Model):
    """A media-library file that staff chose to offer for download.

    Only files entered here are ever listed on the site: the rest of the
    media library (working files, private photos) stays out of sight.
    """

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        IMAGE = "image", _("Image")
        OFFICE = "office", _("Document bureautique")
        OTHER = "other", _("Autre")

    title = models.CharField(
        _("titre"),
        max_length=200,
        help_text=_("Un titre parlant, par exemple « Rapport d'activité 2018 »."),
    )
    description = models.TextField(
        _("présentation"),
        blank=True,
        help_text=_("Une ou deux phrases : ce que contient le document."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("L'année dont parle le document (sert au filtre par année)."),
    )
    kind = models.CharField(
        _("type"),
        max_length=10,
        choices=Kind.choices,
        blank=True,
        help_text=_("Laissez vide : le type est reconnu d'après le fichier."),
    )
    houses = models.ManyToManyField(
        "houses.House",
        verbose_name=_("maisons concernées"),
        blank=True,
        related_name="documents",
        help_text=_("Laissez vide pour un document de toute la Coopération."),
    )
    file = FilerFileField(
        verbose_name=_("fichier"),
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_(
            "Choisissez le fichier dans la médiathèque. Il doit y être public "
            "(case « Permissions désactivées » cochée)."
        ),
    )
    is_published = models.BooleanField(
        _("publié"),
        default=False,
        help_text=_("Cochez pour que le document apparaisse dans la page Documents du site."),
    )
    published_on = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        help_text=_(
            "Date affichée dans la page Documents et utilisée pour le classement. "
            "Pour un document ancien, indiquez sa date de parution réelle."
        ),
    )
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        help_text=_("Document de démonstration : il est signalé comme exemple sur le site."),
    )
    page_count = models.PositiveIntegerField(
        _("nombre de pages"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Calculé d'après le fichier PDF."),
    )
    extracted_text = models.TextField(
        _("texte extrait"),
        blank=True,
        editable=False,
        help_text=_("Lu dans le fichier PDF : la recherche du site le parcourt."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("document à télécharger")
        verbose_name_plural = _("documents à télécharger")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100),
                name="document_year_plausible",
                violation_error_message=_("L'année doit être comprise entre 1990 et 2100."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        file = self.file if self.file_id else None
        if self.is_published and file is not None and not file.is_public:
            raise ValidationError(
                {
                    "file": _(
                        "Ce fichier est privé dans la médiathèque : il ne peut pas être publié. "
                        "Rendez-le public dans la médiathèque, ou choisissez un autre fichier."
                    )
                }
            )

    @property
    def size(self):
        return self.file.size if self.file_id else None

    @property
    def download_url(self):
        """The file's URL; empty when its file is gone from storage (never a dead link)."""
        if not self.file_id or not is_stored(self.file.file):
            return ""
        return self.file.url


class DocumentList(CMSPlugin):
    """The "Documents à télécharger" plugin: chosen documents, or a house's latest."""

    title = models.CharField(
        _("titre"),
        max_length=120,
        blank=True,
        default=_("Documents à télécharger"),
        help_text=_("Affiché au-dessus de la liste ; laissez vide pour ne pas en mettre."),
    )
    documents = models.ManyToManyField(
        Document,
        verbose_name=_("documents"),
        blank=True,
        related_name="+",
        help_text=_(
            "Choisissez les documents à montrer. Si vous n'en choisissez aucun, les derniers "
            "documents publiés sont montrés (de la maison choisie ci-dessous, le cas échéant)."
        ),
    )
    house = models.ForeignKey(
        "houses.House",
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    limit = models.PositiveSmallIntegerField(
        _("nombre de documents"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Utilisé seulement quand aucun document n'est choisi."),
    )

    class Meta:
        verbose_name = _("liste de documents")
        verbose_name_plural = _("listes de documents")

    def __str__(self):
        return self.title or str(_("Documents à télécharger"))

    def copy_relations(self, oldinstance):
        self.documents.set(oldinstance.documents.all())
