"""The social-impact evaluation: the Fleur, the yearly reports and their results.

A `Referential` is the Fleur de l'utilité sociale of a period; its petals
are `Dimension`s. Each `Report` (a PDF and what it says, as data) scores the
dimensions of its referential (`DimensionResult`), describes the actions it
evaluated (`EvaluatedAction`) and the figures it measured (`IndicatorValue`).
"""

from pathlib import PurePath

from cms.models import CMSPlugin
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from coop_site.apphooks import reverse_or_empty
from coop_site.uploads import is_stored

from .storage import private_storage

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Indiquez une couleur au format #RRVVBB, par exemple #0d5c63.")
)


class Referential(models.Model):
    """A Fleur de l'utilité sociale: the dimensions a period is measured on."""

    name = models.CharField(_("nom"), max_length=160, unique=True)
    built_in = models.PositiveSmallIntegerField(
        _("année de construction"), help_text=_("L'année où le référentiel a été co-construit.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Comment le référentiel a été construit, et avec qui. Affiché au public."),
    )
    scale_max = models.PositiveSmallIntegerField(
        _("note maximale"),
        default=5,
        validators=[MinValueValidator(1)],
        help_text=_("Les scores vont de 0 à cette valeur (5 : une échelle de 0 à 5)."),
    )

    class Meta:
        verbose_name = _("référentiel (Fleur)")
        verbose_name_plural = _("référentiels (Fleurs)")
        ordering = ["-built_in", "name"]

    def __str__(self):
        return self.name


class Dimension(models.Model):
    """A petal of the Fleur."""

    referential = models.ForeignKey(
        Referential,
        verbose_name=_("référentiel"),
        on_delete=models.CASCADE,
        related_name="dimensions",
    )
    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(
        _("identifiant"),
        max_length=80,
        help_text=_(
            "Deux référentiels qui ont une dimension de même identifiant peuvent être comparés "
            "sur cette dimension."
        ),
    )
    description = models.TextField(
        _("description courte"), blank=True, help_text=_("Ce que recouvre la dimension.")
    )
    colour = models.CharField(
        _("couleur"),
        max_length=7,
        default="#0d5c63",
        validators=[colour_validator],
        help_text=_(
            "La couleur du pétale. Le site l'assombrit si besoin pour que le texte reste lisible."
        ),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["referential", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["referential", "slug"],
                name="dimension_unique_slug_per_referential",
                violation_error_message=_(
                    "Ce référentiel a déjà une dimension avec cet identifiant."
                ),
            )
        ]

    def __str__(self):
        return self.name


def can_see_drafts(user):
    """Staff who may see reports in the admin may preview drafts on the site."""
    return user.is_authenticated and user.is_staff and user.has_perm("evaluation.view_report")


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Report.Status.PUBLISHED)

    def visible_to(self, user):
        return self.all() if can_see_drafts(user) else self.published()

    def main_first(self):
        """Of a year's reports, the full one first (the synthesis only as a last resort)."""
        rank = models.Case(
            *(models.When(kind=kind, then=i) for i, kind in enumerate(Report.KIND_PRIORITY)),
            default=len(Report.KIND_PRIORITY),
            output_field=models.IntegerField(),
        )
        return self.annotate(kind_rank=rank).order_by("kind_rank")

    def newest_first(self):
        """The newest year first; of a year's reports, the main one first."""
        return self.main_first().order_by("-year", "kind_rank")

    def with_results(self):
        """With the referential and the scores in the dimensions' order, to draw Fleurs."""
        return self.select_related("referential").prefetch_related(
            models.Prefetch(
                "results",
                queryset=DimensionResult.objects.select_related("dimension").order_by(
                    "dimension__order", "dimension__name"
                ),
            )
        )


def report_pdf_path(report, filename):
    """A normalised name: year, kind and title, never a path from the client."""
    slug = slugify(report.title)[:60] or "rapport"
    return f"rapports/{report.period_label}-{report.kind}-{slug}.pdf"


def report_cover_path(report, filename):
    return f"couvertures/{report.period_label}-{report.kind}{PurePath(filename).suffix}"


class Report(models.Model):
    """A report of the evaluation, published as a PDF and as data."""

    class Kind(models.TextChoices):
        FINAL = "rapport-final", _("Rapport final")
        SYNTHESIS = "synthese", _("Synthèse")
        ANNUAL = "rapport-annuel", _("Rapport annuel")
        ACTIVITY = "rapport-activites", _("Rapport d'activités")

    class Status(models.TextChoices):
        DRAFT = "brouillon", _("Brouillon")
        PUBLISHED = "publie", _("Publié")

    # The report a year's page shows when a year has several.
    KIND_PRIORITY = [Kind.FINAL, Kind.ANNUAL, Kind.ACTIVITY, Kind.SYNTHESIS]

    year = models.PositiveSmallIntegerField(
        _("année"),
        validators=[MinValueValidator(2000)],
        help_text=_("La première année de la période évaluée (2017 pour 2017-2018)."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("année de fin"),
        null=True,
        blank=True,
        help_text=_("Seulement si la période dure plus d'un an (2018 pour 2017-2018)."),
    )
    kind = models.CharField(_("type de rapport"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(
        _("résumé"),
        blank=True,
        help_text=_(
            "Quelques phrases simples : ce que l'évaluation a étudié et ce qu'elle montre. "
            "Affiché en tête de la page du rapport."
        ),
    )
    referential = models.ForeignKey(
        Referential,
        verbose_name=_("référentiel utilisé"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    full_report = models.ForeignKey(
        "self",
        verbose_name=_("rapport complet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syntheses",
        help_text=_("Pour une synthèse : le rapport complet qu'elle résume."),
    )
    pdf = models.FileField(
        _("fichier PDF"), storage=private_storage, upload_to=report_pdf_path, blank=True
    )
    original_filename = models.CharField(_("nom du fichier envoyé"), max_length=255, blank=True)
    page_count = models.PositiveIntegerField(_("nombre de pages"), null=True, blank=True)
    pdf_size = models.PositiveBigIntegerField(_("taille (octets)"), null=True, blank=True)
    cover = models.ImageField(
        _("couverture"),
        storage=private_storage,
        upload_to=report_cover_path,
        width_field="cover_width",
        height_field="cover_height",
        blank=True,
    )
    cover_width = models.PositiveIntegerField(
        _("largeur de la couverture"), null=True, blank=True, editable=False
    )
    cover_height = models.PositiveIntegerField(
        _("hauteur de la couverture"), null=True, blank=True, editable=False
    )
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    needs_processing = models.BooleanField(
        _("couverture ou texte à refaire"),
        default=False,
        help_text=_(
            "La couverture ou le texte du PDF n'ont pas pu être calculés ; "
            "la commande `manage.py evaluation_retry` réessaie."
        ),
    )
    processing_error = models.CharField(_("erreur de traitement"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoyé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploaded_reports",
    )
    uploaded_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_on = models.DateField(
        _("date de publication"),
        null=True,
        blank=True,
        help_text=_(
            "Laissez vide : la date du jour est mise à la publication. Pour un rapport ancien, "
            "indiquez sa date de parution réelle (elle date le rapport sur tout le site)."
        ),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapports")
        ordering = ["-year", "kind"]
        permissions = [("publish_report", _("Peut publier ou dépublier un rapport"))]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "kind"],
                name="report_unique_kind_per_year",
                violation_error_message=_("Il existe déjà un rapport de ce type pour cette année."),
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True) | models.Q(end_year__gt=models.F("year")),
                name="report_end_year_after_year",
                violation_error_message=_(
                    "L'année de fin doit venir après l'année de début (laissez vide pour une "
                    "seule année)."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="publie") | models.Q(published_on__isnull=False),
                name="report_published_has_date",
                violation_error_message=_("Un rapport publié a une date de publication."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.period_label})"

    def get_absolute_url(self):
        if self.kind in (self.Kind.FINAL, self.Kind.ANNUAL):
            return reverse_or_empty("evaluation:detail", year=self.year)
        return reverse_or_empty("evaluation:detail_kind", year=self.year, kind=self.kind)

    def clean(self):
        super().clean()
        errors = {}
        # The constraints say the same; here the message lands on the field.
        if self.end_year is not None and self.year is not None and self.end_year <= self.year:
            errors["end_year"] = _(
                "L'année de fin doit venir après l'année de début (laissez vide pour "
                "une seule année)."
            )
        if self.published_on is None and self.status == self.Status.PUBLISHED:
            errors["published_on"] = _(
                "Un rapport publié a une date de publication : indiquez-la, ou dépubliez "
                "d'abord le rapport."
            )
        elif self.published_on is not None and self.published_on > timezone.localdate():
            errors["published_on"] = _(
                "La date de publication ne peut pas être dans le futur : indiquez la date "
                "où le rapport a paru, ou laissez vide pour la date du jour de publication."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def period_label(self):
        if self.end_year:
            return f"{self.year}-{self.end_year}"
        return str(self.year)

    # The column title of admin lists that show the period.
    period_label.fget.short_description = _("période")

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def download_url(self):
        if not is_stored(self.pdf):  # gone from storage: no dead link
            return ""
        return reverse_or_empty("evaluation:download", year=self.year, kind=self.kind)

    @property
    def cover_url(self):
        if not self.cover:
            return ""
        return reverse_or_empty("evaluation:cover", year=self.year, kind=self.kind)

    @property
    def download_filename(self):
        return PurePath(self.pdf.name).name if self.pdf else ""

    @property
    def fleur_url(self):
        return reverse_or_empty("evaluation:fleur_kind", year=self.year, kind=self.kind)


class ReportFileHistory(models.Model):
    """A PDF that a newer upload replaced, kept with who replaced it."""

    report = models.ForeignKey(
        Report, verbose_name=_("rapport"), on_delete=models.CASCADE, related_name="file_history"
    )
    file = models.FileField(_("fichier"), storage=private_storage, max_length=255)
    original_filename = models.CharField(_("nom du fichier envoyé"), max_length=255, blank=True)
    page_count = models.PositiveIntegerField(_("nombre de pages"), null=True, blank=True)
    pdf_size = models.PositiveBigIntegerField(_("taille (octets)"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoyé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("remplacé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_report_files",
    )
    replaced_at = models.DateTimeField(_("remplacé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("ancienne version du PDF")
        verbose_name_plural = _("anciennes versions du PDF")
        ordering = ["report", "-replaced_at"]

    def __str__(self):
        return self.original_filename or PurePath(self.file.name).name


class DimensionResult(models.Model):
    """What a report found on one dimension of its Fleur."""

    report = models.ForeignKey(
        Report, verbose_name=_("rapport"), on_delete=models.CASCADE, related_name="results"
    )
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="results"
    )
    score = models.DecimalField(
        _("score"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_("Sur l'échelle du référentiel (de 0 à la note maximale)."),
    )
    observed = models.TextField(
        _("ce qui a été observé"), blank=True, help_text=_("En quelques phrases simples.")
    )
    quotes = models.TextField(
        _("paroles de participants"),
        blank=True,
        help_text=_("Facultatif. Une citation par ligne, sans nom de famille."),
    )

    class Meta:
        verbose_name = _("résultat par dimension")
        verbose_name_plural = _("résultats par dimension")
        ordering = ["report", "dimension__order", "dimension__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "dimension"],
                name="result_unique_dimension_per_report",
                violation_error_message=_("Cette dimension a déjà un résultat dans ce rapport."),
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0),
                name="result_score_not_negative",
                violation_error_message=_("Le score ne peut pas être négatif."),
            ),
        ]

    def __str__(self):
        return f"{self.dimension} : {self.score}"

    @property
    def quote_list(self):
        return [line.strip() for line in self.quotes.splitlines() if line.strip()]


class EvaluatedAction(models.Model):
    """An action a report studied, in cooperation or by one house."""

    class Scope(models.TextChoices):
        COOPERATION = "cooperation", _("En coopération")
        HOUSE = "maison", _("Par une maison")

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="evaluated_actions",
    )
    title = models.CharField(_("titre"), max_length=200)
    scope = models.CharField(
        _("portée"), max_length=12, choices=Scope.choices, default=Scope.COOPERATION
    )
    house = models.ForeignKey(
        "houses.House",
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluated_actions",
        help_text=_("Seulement pour une action menée par une maison."),
    )
    action = models.ForeignKey(
        "houses.Action",
        verbose_name=_("fiche action du site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluations",
        help_text=_("Facultatif : l'action décrite ailleurs sur le site."),
    )
    dimensions = models.ManyToManyField(
        Dimension,
        verbose_name=_("dimensions concernées"),
        blank=True,
        related_name="evaluated_actions",
    )
    findings = models.TextField(_("constats"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("action évaluée")
        verbose_name_plural = _("actions évaluées")
        ordering = ["report", "scope", "order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(scope="cooperation") & models.Q(house__isnull=True))
                | (models.Q(scope="maison") & models.Q(house__isnull=False)),
                name="evaluated_action_house_matches_scope",
                violation_error_message=_(
                    "Choisissez la maison pour une action menée par une maison, "
                    "et aucune pour une action en coopération."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.scope == self.Scope.HOUSE and self.house_id is None:
            raise ValidationError({"house": _("Choisissez la maison qui a mené l'action.")})
        if self.scope == self.Scope.COOPERATION and self.house_id is not None:
            raise ValidationError(
                {"house": _("Une action en coopération n'a pas de maison : videz ce champ.")}
            )


class Indicator(models.Model):
    """A measured figure followed from year to year (e.g. people reached)."""

    label = models.CharField(_("libellé"), max_length=160, unique=True)
    unit = models.CharField(
        _("unité"), max_length=40, blank=True, help_text=_("Par exemple : personnes, %, heures.")
    )
    dimension = models.ForeignKey(
        Dimension,
        verbose_name=_("dimension"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["order", "label"]

    def __str__(self):
        return f"{self.label} ({self.unit})" if self.unit else self.label


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicateur"), on_delete=models.PROTECT, related_name="values"
    )
    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        on_delete=models.CASCADE,
        related_name="indicator_values",
    )
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    note = models.CharField(_("précision"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("valeur d'indicateur")
        verbose_name_plural = _("valeurs d'indicateurs")
        ordering = ["report", "indicator__order", "indicator__label"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "report"],
                name="indicator_value_unique_per_report",
                violation_error_message=_("Cet indicateur a déjà une valeur dans ce rapport."),
            )
        ]

    def __str__(self):
        return f"{self.indicator} : {self.value}"


class FleurPluginModel(CMSPlugin):
    """The Fleur of one report, placed on any CMS page."""

    report = models.ForeignKey(
        Report,
        verbose_name=_("rapport"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laissez vide pour toujours montrer le dernier rapport publié."),
    )
    show_table = models.BooleanField(
        _("afficher le tableau des scores"),
        default=True,
        help_text=_("Le tableau donne les mêmes chiffres en texte, pour tous les lecteurs."),
    )

    class Meta:
        verbose_name = _("Fleur de l'utilité sociale")
        verbose_name_plural = _("Fleurs de l'utilité sociale")

    def __str__(self):
        return str(self.report) if self.report_id else str(_("Dernier rapport publié"))


class LatestReportsPluginModel(CMSPlugin):
    count = models.PositiveSmallIntegerField(
        _("nombre de rapports"), default=3, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("derniers rapports d'évaluation")
        verbose_name_plural = _("derniers rapports d'évaluation")

    def __str__(self):
        return str(self.count)
