from django.contrib.auth.models import Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField
from filer.fields.image import FilerImageField


class HouseQuerySet(models.QuerySet):
    def neighbourhood_houses(self):
        """The places a resident can walk into: every house but the Coopération."""
        return self.exclude(kind=House.Kind.COOPERATION)

    def cooperation(self):
        return self.filter(kind=House.Kind.COOPERATION).first()


class House(models.Model):
    """A member of the Coopération, or the Coopération itself.

    The three maisons de quartier and the Accorderie are rows; so is the
    Coopération, which speaks for all of them (charter, evaluation, agenda).
    """

    class Kind(models.TextChoices):
        SOCIAL_CENTRE = "centre_social", _("Centre social")
        SOCIAL_LIFE_SPACE = "evs", _("Espace de vie sociale")
        TIME_EXCHANGE = "accorderie", _("Réseau d'échange de temps")
        COOPERATION = "cooperation", _("La Coopération")

    name = models.CharField(_("nom"), max_length=120, unique=True)
    short_name = models.CharField(
        _("nom court"), max_length=40, help_text=_("Utilisé dans les menus et les étiquettes.")
    )
    slug = models.SlugField(
        _("adresse web"), max_length=60, unique=True, help_text=_("Dernière partie de l'URL.")
    )
    kind = models.CharField(_("type de structure"), max_length=20, choices=Kind.choices)
    neighbourhood = models.CharField(_("quartier"), max_length=120, blank=True)
    is_priority_area = models.BooleanField(
        _("quartier prioritaire (QPV)"),
        default=False,
        help_text=_("Quartier prioritaire de la politique de la ville."),
    )
    founded_in = models.PositiveSmallIntegerField(
        _("année de création"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=80, default="Romans-sur-Isère")
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(
        _("adresse e-mail"),
        blank=True,
        help_text=_(
            "Reçoit les messages du formulaire de contact ; elle n'est jamais affichée sur le site."
        ),
    )
    logo = FilerImageField(
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="house_logos",
    )
    photo = FilerImageField(
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="house_photos",
    )
    tagline = models.CharField(
        _("phrase d'accroche"),
        max_length=200,
        blank=True,
        help_text=_("Une phrase simple qui dit ce que l'on trouve dans la maison."),
    )
    governance = models.TextField(
        _("gouvernance"), blank=True, help_text=_("Conseil d'administration, groupes projets…")
    )
    staff_group = models.OneToOneField(
        Group,
        verbose_name=_("groupe de l'équipe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="house",
        help_text=_("Les membres de ce groupe gèrent les données de cette maison."),
    )
    order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    objects = HouseQuerySet.as_manager()

    class Meta:
        verbose_name = _("maison")
        verbose_name_plural = _("maisons")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        try:
            return reverse("houses:detail", kwargs={"slug": self.slug})
        except NoReverseMatch:
            # The houses page is not placed in the CMS tree (yet).
            return ""

    @property
    def is_cooperation(self):
        return self.kind == self.Kind.COOPERATION

    @property
    def full_address(self):
        return ", ".join(
            p for p in [self.street_address, f"{self.postcode} {self.city}".strip()] if p
        )


class Action(models.Model):
    """A project of the Coopération or of a house, such as a yearly action sheet."""

    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(_("adresse web"), max_length=80, unique=True)
    first_year = models.PositiveSmallIntegerField(_("depuis l'année"))
    last_year = models.PositiveSmallIntegerField(
        _("jusqu'à l'année"), null=True, blank=True, help_text=_("Vide si l'action continue.")
    )
    houses = models.ManyToManyField(
        House,
        verbose_name=_("maisons concernées"),
        related_name="actions",
        blank=True,
        help_text=_("Toutes les maisons : action menée en Coopération."),
    )
    theme = models.CharField(_("thème"), max_length=80, blank=True)
    summary = models.TextField(_("résumé"), blank=True)
    sheet = FilerFileField(
        verbose_name=_("fiche à télécharger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_sheets",
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["-first_year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__isnull=True)
                | models.Q(last_year__gte=models.F("first_year")),
                name="action_years_in_order",
                violation_error_message=_("L'année de fin ne peut pas précéder l'année de début."),
            )
        ]

    def __str__(self):
        return self.title
