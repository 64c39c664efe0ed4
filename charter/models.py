from cms.models import CMSPlugin
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField

from coop_site.apphooks import reverse_or_empty
from coop_site.formatting import shorten
from houses.models import House

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Theme(models.Model):
    """A subject that groups commitments (waste, energy, mobility...), for the filter."""

    name = models.CharField(_("nom"), max_length=60, unique=True)
    slug = models.SlugField(
        _("adresse web"),
        max_length=60,
        unique=True,
        help_text=_("Utilisé dans l'adresse du filtre, par exemple ?theme=dechets."),
    )
    order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    class Meta:
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class CharterQuerySet(models.QuerySet):
    def current(self):
        """The charter in force, or None before the first one is entered."""
        return self.filter(is_current=True).first()


class Charter(models.Model):
    """One version of the eco-structure charter; older versions stay readable."""

    title = models.CharField(_("titre"), max_length=200)
    version = models.PositiveSmallIntegerField(
        _("numéro de version"),
        unique=True,
        help_text=_("1 pour la première charte ; l'adresse /version/<numéro>/ ne change jamais."),
    )
    is_current = models.BooleanField(
        _("version en vigueur"),
        default=False,
        help_text=_("Une seule version est en vigueur ; les autres restent consultables."),
    )
    adopted_on = models.DateField(_("adoptée le"), null=True, blank=True)
    preamble = models.TextField(_("préambule"), blank=True)
    quote = models.TextField(_("citation d'ouverture"), blank=True)
    quote_author = models.CharField(_("auteur de la citation"), max_length=120, blank=True)
    reflection = models.TextField(
        _("réflexion"), blank=True, help_text=_("Le texte qui suit la citation.")
    )
    reflection_author = models.CharField(_("auteur de la réflexion"), max_length=120, blank=True)

    objects = CharterQuerySet.as_manager()

    class Meta:
        verbose_name = _("charte")
        verbose_name_plural = _("chartes")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="charter_only_one_current",
                violation_error_message=_(
                    "Une autre version de la charte est déjà en vigueur : décochez-la d'abord."
                ),
            )
        ]

    def __str__(self):
        return f"{self.title} (version {self.version})"

    def get_absolute_url(self):
        if self.is_current:
            return reverse_or_empty("charter:detail")
        return reverse_or_empty("charter:version", version=self.version)


class CharterSection(models.Model):
    charter = models.ForeignKey(
        Charter, verbose_name=_("charte"), on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("titre"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("partie de la charte")
        verbose_name_plural = _("parties de la charte")
        ordering = ["charter", "order", "pk"]

    def __str__(self):
        return self.title


class CommitmentQuerySet(models.QuerySet):
    def of_charter(self, charter):
        return self.filter(section__charter=charter).order_by(
            "section__order", "section__pk", "order", "pk"
        )


class Commitment(models.Model):
    section = models.ForeignKey(
        CharterSection,
        verbose_name=_("partie"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    text = models.TextField(_("texte de l'engagement"))
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thèmes"), related_name="commitments", blank=True
    )

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["section__charter", "section__order", "order", "pk"]

    def __str__(self):
        return shorten(self.text, 80)


class CommitmentProgressQuerySet(models.QuerySet):
    def for_charter(self, charter):
        return self.filter(commitment__section__charter=charter)

    def years(self):
        return self.order_by("-year").values_list("year", flat=True).distinct()


class CommitmentProgress(models.Model):
    """What one house did about one commitment in one year."""

    class Status(models.TextChoices):
        TO_START = "a_engager", _("À engager")
        IN_PROGRESS = "en_cours", _("En cours")
        KEPT = "tenu", _("Tenu")

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        on_delete=models.CASCADE,
        related_name="charter_progress_entries",
        limit_choices_to=~Q(kind=House.Kind.COOPERATION),
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("engagement"),
        on_delete=models.CASCADE,
        related_name="progress_entries",
    )
    year = models.PositiveSmallIntegerField(_("année"), validators=YEAR_VALIDATORS)
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.TO_START
    )
    done = models.TextField(
        _("ce qui a été fait"),
        blank=True,
        help_text=_("Quelques phrases simples, lisibles par un habitant ou un partenaire."),
    )
    evidence = FilerFileField(
        verbose_name=_("justificatif"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="charter_progress_evidences",
        help_text=_("Facultatif : une photo ou un document de la médiathèque."),
    )
    is_sample = models.BooleanField(
        _("donnée d'exemple"),
        default=False,
        help_text=_("Cochée pour les données de démonstration, à remplacer par les vraies."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mis à jour par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="charter_progress_updates",
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = CommitmentProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("avancement d'un engagement")
        verbose_name_plural = _("avancement de la charte")
        ordering = ["-year", "house", "commitment"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "commitment", "year"],
                name="charter_progress_once_per_year",
                violation_error_message=_(
                    "Cette maison a déjà un avancement pour cet engagement cette année-là."
                ),
            )
        ]

    def __str__(self):
        return f"{self.house.short_name} · {self.year} · {self.commitment}"

    @property
    def status_icon(self):
        """The status's shape, shown beside its words (never colour alone)."""
        return {self.Status.KEPT: "✔", self.Status.IN_PROGRESS: "◐"}.get(self.status, "○")


# --- CMS plugins ----------------------------------------------------------------


class CharterPluginModel(CMSPlugin):
    """Where an editor shows the charter: whole, one section or one theme."""

    class Scope(models.TextChoices):
        WHOLE = "tout", _("Toute la charte")
        SECTION = "partie", _("Une partie")
        THEME = "theme", _("Les engagements d'un thème")

    scope = models.CharField(
        _("afficher"), max_length=10, choices=Scope.choices, default=Scope.WHOLE
    )
    section = models.ForeignKey(
        CharterSection,
        verbose_name=_("partie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Seulement pour « Une partie »."),
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("thème"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Seulement pour « Les engagements d'un thème »."),
    )

    class Meta:
        verbose_name = _("charte écostructure (module)")
        verbose_name_plural = _("charte écostructure (modules)")

    def __str__(self):
        if self.scope == self.Scope.SECTION and self.section_id:
            return str(self.section)
        if self.scope == self.Scope.THEME and self.theme_id:
            return str(self.theme)
        return str(self.get_scope_display())

    def clean(self):
        super().clean()
        if self.scope == self.Scope.SECTION and not self.section_id:
            raise ValidationError({"section": _("Choisissez la partie à afficher.")})
        if self.scope == self.Scope.THEME and not self.theme_id:
            raise ValidationError({"theme": _("Choisissez le thème à afficher.")})


class CharterProgressPluginModel(CMSPlugin):
    """One house's progress summary, placed on any page (e.g. the house's own)."""

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=~Q(kind=House.Kind.COOPERATION),
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Vide : la dernière année renseignée."),
    )

    class Meta:
        verbose_name = _("avancement de la charte (module)")
        verbose_name_plural = _("avancement de la charte (modules)")

    def __str__(self):
        return str(self.house)
