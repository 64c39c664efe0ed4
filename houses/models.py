import datetime
from decimal import Decimal
from urllib.parse import quote

from cms.models import CMSPlugin
from cms.models.fields import PlaceholderRelationField
from cms.utils.placeholder import get_placeholder_from_slot
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField
from filer.fields.image import FilerImageField

from coop_site.apphooks import reverse_or_empty
from coop_site.formatting import french_date, french_time
from coop_site.models import AltTextMixin, CardsBlock
from coop_site.roles import COOPERATION_WIDE_GROUP

from . import fees, hours

# Changing a house is each team's job for its own house; this one is not.
MANAGE_ALL_HOUSES = "houses.manage_all_houses"

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


SAMPLE_HELP = _(
    "Cochez si ces informations sont des exemples de démonstration, pas des faits vérifiés : "
    "le site affiche alors la mention « exemple »."
)
# Online requests need a number of places: without it, nobody knows when the list is full.
PLACES_REQUIRED = _(
    "Indiquez le nombre de places pour ouvrir les demandes en ligne : sans lui, le site ne "
    "sait pas quand c'est complet."
)


class TakesRequests(models.Model):
    """An activity or an event that may take requests for places online (the registrations app).

    Each concrete model adds `requests_have_places(name)` to its constraints and calls
    `clean_places()` from its `clean()`, and says in `takes_requests_now` when it takes some.
    """

    accepts_requests = models.BooleanField(
        _("demandes de place en ligne"),
        default=False,
        help_text=_(
            "Coché : la page propose un formulaire pour demander une place, et affiche les "
            "places restantes. Indiquez alors le nombre de places."
        ),
    )
    places = models.PositiveSmallIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=_("Indiquez au moins 1 place.")),
            MaxValueValidator(1000, message=_("Indiquez au plus 1000 places.")),
        ],
        help_text=_(
            "Le nombre de personnes accueillies. Au-delà, les demandes vont sur la liste "
            "d'attente, dans l'ordre où elles arrivent."
        ),
    )

    class Meta:
        abstract = True

    def clean_places(self):
        if self.accepts_requests and self.places is None:
            raise ValidationError({"places": PLACES_REQUIRED})


def requests_have_places(name):
    return models.CheckConstraint(
        condition=models.Q(accepts_requests=False) | models.Q(places__isnull=False),
        name=name,
        violation_error_message=PLACES_REQUIRED,
    )


def manages_all_houses(user):
    """Superusers, the Coopération-wide group and the administrators (never a house's team)."""
    return user.is_active and (
        user.is_superuser
        or user.has_perm(MANAGE_ALL_HOUSES)
        or user.groups.filter(name=COOPERATION_WIDE_GROUP).exists()
    )


class HouseQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The houses whose data `user` may change (houses.permissions says where it applies)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if manages_all_houses(user):
            return self.all()
        return self.filter(staff_group__in=user.groups.all())

    def neighbourhood_houses(self):
        """The places a resident can walk into: every house but the Coopération."""
        return self.exclude(kind=House.Kind.COOPERATION)

    def for_cards(self):
        """With what a house card needs: its photo, weekly slots, closures still to come.

        The card says "open now" (`House.current_status`) without a query per house.
        """
        return self.select_related("photo").prefetch_related(
            "opening_hours",
            models.Prefetch("closures", queryset=Closure.objects.current_and_upcoming()),
        )


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
    is_sample = models.BooleanField(
        _("contient des exemples"),
        default=False,
        help_text=_(
            "Cochez si le téléphone ou les horaires sont des exemples de démonstration : "
            "le site affiche alors la mention « exemple »."
        ),
    )
    placeholders = PlaceholderRelationField(verbose_name=_("zones de contenu"))

    objects = HouseQuerySet.as_manager()

    class Meta:
        verbose_name = _("maison")
        verbose_name_plural = _("maisons")
        ordering = ["order", "name"]
        # Changing a house is each team's job for its own house; this one is not.
        permissions = [("manage_all_houses", _("Peut gérer les données de toutes les maisons"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_or_empty("houses:detail", slug=self.slug)

    def get_template(self):
        # django CMS finds the house's placeholders in this template's
        # {% placeholder %} tags: the structure board lists (and creates) only
        # those, so an empty presentation can get its first text there.
        return "houses/house_detail.html"

    @cached_property
    def presentation(self):
        return get_placeholder_from_slot(self.placeholders, "presentation")

    def has_placeholder_change_permission(self, user):
        """django CMS asks this before any plugin of the presentation is added or changed.

        Each house's team writes its own house's presentation only: "may change
        houses" alone would let it write every house's.
        """
        return user.has_perm("houses.change_house") and (
            House.objects.managed_by(user).filter(pk=self.pk).exists()
        )

    def can_write_presentation(self, user):
        """Whether `user` may add a text to the presentation (the toolbar link, the hint)."""
        return user.has_perm("djangocms_text.add_text") and self.has_placeholder_change_permission(
            user
        )

    @property
    def is_cooperation(self):
        return self.kind == self.Kind.COOPERATION

    @property
    def full_address(self):
        return ", ".join(
            p for p in [self.street_address, f"{self.postcode} {self.city}".strip()] if p
        )

    @property
    def osm_url(self):
        """OpenStreetMap, opened by the visitor's choice: no map is embedded."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        if self.full_address:
            return "https://www.openstreetmap.org/search?query=" + quote(self.full_address)
        return ""

    @property
    def phone_uri(self):
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        if digits.startswith("0"):
            digits = "+33" + digits[1:]
        return f"tel:{digits}" if digits else ""

    def opening_status(self, now=None):
        """Open now, and the next opening, from the prefetched slots and closures."""
        return hours.opening_status(
            slots=self.opening_hours.all(),
            closures=self.closures.all(),
            now=now or timezone.now(),
        )

    @cached_property
    def current_status(self):
        return self.opening_status()


class Approval(models.Model):
    """An approval (agrément) a house holds, with the year it was granted."""

    class Kind(models.TextChoices):
        SOCIAL_CENTRE = "centre_social", _("Centre social (CAF)")
        SOCIAL_LIFE_SPACE = "evs", _("Espace de vie sociale (CAF)")
        POPULAR_EDUCATION = "education_populaire", _("Jeunesse et éducation populaire")
        ESUS = "esus", _("Entreprise solidaire d'utilité sociale (ESUS)")
        OTHER = "autre", _("Autre")

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="approvals"
    )
    kind = models.CharField(_("agrément"), max_length=30, choices=Kind.choices)
    label = models.CharField(
        _("intitulé"), max_length=120, blank=True, help_text=_("Pour un agrément « Autre ».")
    )
    year = models.PositiveSmallIntegerField(_("année d'obtention"), validators=YEAR_VALIDATORS)

    class Meta:
        verbose_name = _("agrément")
        verbose_name_plural = _("agréments")
        ordering = ["house", "year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "kind", "label"],
                name="approval_unique_per_house",
                violation_error_message=_("Cette maison a déjà cet agrément."),
            )
        ]

    def __str__(self):
        return f"{self.label or self.get_kind_display()} ({self.year})"


class HouseFigure(models.Model):
    """A house's size for one year: staff, volunteers, hosted associations."""

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="figures"
    )
    year = models.PositiveSmallIntegerField(_("année"), validators=YEAR_VALIDATORS)
    staff_count = models.PositiveSmallIntegerField(_("salariés"), null=True, blank=True)
    volunteer_count = models.PositiveSmallIntegerField(_("bénévoles"), null=True, blank=True)
    hosted_association_count = models.PositiveSmallIntegerField(
        _("associations accueillies"), null=True, blank=True
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    class Meta:
        verbose_name = _("chiffres de l'année")
        verbose_name_plural = _("chiffres par année")
        ordering = ["house", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "year"],
                name="house_figure_one_per_year",
                violation_error_message=_("Cette maison a déjà des chiffres pour cette année."),
            )
        ]

    def __str__(self):
        return f"{self.house.short_name} {self.year}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")


class OpeningHours(models.Model):
    """One weekly opening slot; a day may have several (morning, afternoon)."""

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    opens = models.TimeField(_("ouverture"))
    closes = models.TimeField(_("fermeture"))

    class Meta:
        verbose_name = _("créneau d'ouverture")
        verbose_name_plural = _("horaires d'ouverture")
        ordering = ["house", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="opening_hours_closes_after_opening",
                violation_error_message=_("L'heure de fermeture doit suivre l'heure d'ouverture."),
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class ClosureQuerySet(models.QuerySet):
    def current_and_upcoming(self, today=None):
        return self.filter(ends_on__gte=today or timezone.localdate())


class Closure(models.Model):
    """An exceptional closure (holidays, public holiday) or opening, by date range."""

    class Kind(models.TextChoices):
        CLOSED = "fermeture", _("Fermeture exceptionnelle")
        OPEN = "ouverture", _("Ouverture exceptionnelle")

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="closures"
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.CLOSED)
    starts_on = models.DateField(_("du"))
    ends_on = models.DateField(_("au (inclus)"))
    reason = models.CharField(
        _("motif"), max_length=160, help_text=_("Par exemple : vacances d'été, jour férié.")
    )
    opens = models.TimeField(
        _("ouverture"), null=True, blank=True, help_text=_("Pour une ouverture exceptionnelle.")
    )
    closes = models.TimeField(
        _("fermeture"), null=True, blank=True, help_text=_("Pour une ouverture exceptionnelle.")
    )

    objects = ClosureQuerySet.as_manager()

    class Meta:
        verbose_name = _("fermeture ou ouverture exceptionnelle")
        verbose_name_plural = _("fermetures et ouvertures exceptionnelles")
        ordering = ["house", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="closure_dates_in_order",
                violation_error_message=_("La date de fin ne peut pas précéder la date de début."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="fermeture")
                | models.Q(opens__isnull=False, closes__isnull=False, closes__gt=models.F("opens")),
                name="closure_opening_has_hours",
                violation_error_message=_(
                    "Une ouverture exceptionnelle a une heure d'ouverture et une heure de "
                    "fermeture, dans cet ordre."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.reason}"

    def covers(self, day):
        return self.starts_on <= day <= self.ends_on

    @property
    def is_closure(self):
        return self.kind == self.Kind.CLOSED

    @property
    def is_opening(self):
        return self.kind == self.Kind.OPEN


class CommonBaseItem(models.Model):
    """One item of the socle commun, the base the houses share."""

    class Kind(models.TextChoices):
        VALUE = "valeur", _("Valeurs partagées")
        PRINCIPLE = "principe", _("Principes d'action")
        SUPPORT = "fonction", _("Fonctions supports")
        POSTURE = "posture", _("Postures d'accompagnement")
        MODE = "mode", _("Modes d'intervention")

    kind = models.CharField(_("rubrique"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("intitulé"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("élément du socle commun")
        verbose_name_plural = _("socle commun")
        ordering = ["kind", "order", "title"]

    def __str__(self):
        return self.title


class KeyFigureQuerySet(models.QuerySet):
    def cooperation_wide(self):
        return self.filter(house__isnull=True)

    def latest_year(self):
        year = self.aggregate(models.Max("year"))["year__max"]
        return self.filter(year=year)


class KeyFigure(models.Model):
    """A key figure such as "more than 80 volunteers (2018)"."""

    label = models.CharField(_("libellé"), max_length=160, help_text=_("Ex. : bénévoles engagés"))
    qualifier = models.CharField(
        _("précision"), max_length=30, blank=True, help_text=_("Ex. : « plus de »")
    )
    value = models.PositiveIntegerField(_("valeur"))
    unit = models.CharField(_("unité"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("année"), validators=YEAR_VALIDATORS)
    source = models.CharField(_("source"), max_length=200, blank=True)
    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="key_figures",
        help_text=_("Vide : chiffre de toute la Coopération."),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("chiffre clé")
        verbose_name_plural = _("chiffres clés")
        ordering = ["-year", "order", "label"]

    def __str__(self):
        return f"{self.display_value} {self.label} ({self.year})"

    @property
    def display_value(self):
        return " ".join(p for p in [self.qualifier, str(self.value), self.unit] if p)


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
    placeholders = PlaceholderRelationField(verbose_name=_("zones de contenu"))

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

    def get_absolute_url(self):
        return reverse_or_empty("houses:action", slug=self.slug)

    def get_template(self):
        # Its {% placeholder "body" %} is what the CMS's structure board lists.
        return "houses/action_detail.html"

    @cached_property
    def body(self):
        return get_placeholder_from_slot(self.placeholders, "body")

    @property
    def years_label(self):
        if self.last_year and self.last_year != self.first_year:
            return f"{self.first_year}-{self.last_year}"
        return (
            str(self.first_year)
            if self.last_year
            else _("depuis %(year)s") % {"year": self.first_year}
        )


class SeasonQuerySet(models.QuerySet):
    def containing(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def current(self, today=None):
        """The season that contains today, or None."""
        return self.containing(today or timezone.localdate()).order_by("-starts_on").first()


class Season(models.Model):
    """A year of activities (« 2026-2027 »): fees and grids are given for a season."""

    label = models.CharField(
        _("nom"), max_length=20, unique=True, help_text=_("Ex. : « 2026-2027 ».")
    )
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))

    objects = SeasonQuerySet.as_manager()

    class Meta:
        verbose_name = _("saison")
        verbose_name_plural = _("saisons")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="season_dates_in_order",
                violation_error_message=_("La fin de la saison doit suivre son début."),
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": _("La fin de la saison doit suivre son début.")})
        if self.starts_on and self.ends_on:
            overlapping = (
                Season.objects.filter(starts_on__lte=self.ends_on, ends_on__gte=self.starts_on)
                .exclude(pk=self.pk)
                .first()
            )
            if overlapping:
                raise ValidationError(
                    {
                        "starts_on": _(
                            "Ces dates chevauchent la saison « %(season)s » : une date ne peut "
                            "appartenir qu'à une saison."
                        )
                        % {"season": overlapping.label}
                    }
                )


class FeeGridQuerySet(models.QuerySet):
    def for_season(self, season):
        return self.filter(season=season)

    def with_bands(self):
        return self.select_related("house", "season").prefetch_related("bands")


class FeeGrid(models.Model):
    """A house's prices by quotient familial for a season: its bands (`FeeBand`)."""

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="fee_grids"
    )
    season = models.ForeignKey(
        Season, verbose_name=_("saison"), on_delete=models.PROTECT, related_name="fee_grids"
    )
    name = models.CharField(
        _("nom"), max_length=120, help_text=_("Ex. : « Accueil de loisirs », « Ateliers ».")
    )
    unit = models.CharField(
        _("pour"),
        max_length=40,
        blank=True,
        help_text=_("Ce que paie le prix : « la journée », « par personne », « l'année »…"),
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    objects = FeeGridQuerySet.as_manager()

    class Meta:
        verbose_name = _("grille tarifaire (quotient familial)")
        verbose_name_plural = _("grilles tarifaires (quotient familial)")
        ordering = ["-season__starts_on", "house__order", "house__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "season", "name"],
                name="fee_grid_unique_name",
                violation_error_message=_(
                    "Cette maison a déjà une grille de ce nom pour cette saison."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.house.short_name or self.house.name}, {self.season.label})"

    def clean(self):
        super().clean()
        if self.house_id and self.season_id and self.name:
            others = FeeGrid.objects.filter(
                house=self.house_id, season=self.season_id, name=self.name
            )
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"name": _("Cette maison a déjà une grille de ce nom pour cette saison.")}
                )

    def price_for(self, quotient):
        """The band that applies to `quotient` (its bands prefetched), or None."""
        for band in self.bands.all():
            if band.contains(quotient):
                return band
        return None

    @property
    def price_range(self):
        prices = [band.price for band in self.bands.all()]
        return (min(prices), max(prices)) if prices else (None, None)

    @property
    def price_text(self):
        return fees.price_range_text(*self.price_range, unit=self.unit)


class FeeBand(models.Model):
    """One band of a grid: from one quotient familial to another, one price."""

    grid = models.ForeignKey(
        FeeGrid, verbose_name=_("grille"), on_delete=models.CASCADE, related_name="bands"
    )
    qf_from = models.PositiveIntegerField(
        _("quotient familial de (€)"),
        validators=[MaxValueValidator(fees.QUOTIENT_MAX)],
        help_text=_("Inclus. La première tranche commence à 0."),
    )
    qf_to = models.PositiveIntegerField(
        _("à (€)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(fees.QUOTIENT_MAX)],
        help_text=_("Inclus. Vide : « et au-delà » (la dernière tranche seulement)."),
    )
    price = models.DecimalField(
        _("prix (€)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(0, message=_("Un prix ne peut pas être négatif."))],
    )

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["grid", "qf_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__gte=0),
                name="fee_band_price_not_negative",
                violation_error_message=_("Un prix ne peut pas être négatif."),
            ),
            models.CheckConstraint(
                condition=models.Q(qf_to__isnull=True) | models.Q(qf_to__gte=models.F("qf_from")),
                name="fee_band_bounds_in_order",
                violation_error_message=_(
                    "La fin de la tranche ne peut pas être inférieure à son début."
                ),
            ),
            models.UniqueConstraint(
                fields=["grid", "qf_from"],
                name="fee_band_unique_start",
                violation_error_message=_(
                    "Deux tranches de cette grille commencent au même quotient."
                ),
            ),
        ]

    def __str__(self):
        return fees.band_label(self.qf_from, self.qf_to)

    def clean(self):
        super().clean()
        if self.qf_to is not None and self.qf_from is not None and self.qf_to < self.qf_from:
            raise ValidationError(
                {
                    "qf_to": _(
                        "La fin de la tranche (%(to)s €) ne peut pas être inférieure à son "
                        "début (%(from)s €)."
                    )
                    % {"to": self.qf_to, "from": self.qf_from}
                }
            )

    def contains(self, quotient):
        return self.qf_from <= quotient and (self.qf_to is None or quotient <= self.qf_to)

    @property
    def label(self):
        return fees.band_label(self.qf_from, self.qf_to)

    @property
    def price_text(self):
        return fees.format_euros(self.price)


class ActivityQuerySet(models.QuerySet):
    def current(self):
        return self.exclude(status=Activity.Status.FINISHED)

    def for_house(self, house):
        return self.filter(houses=house)

    def with_prices(self):
        """Each activity's lowest and highest price of its grid, in the same query."""
        bands = FeeBand.objects.filter(grid=models.OuterRef("fee_grid")).values("price")
        return self.annotate(
            price_min=models.Subquery(bands.order_by("price")[:1]),
            price_max=models.Subquery(bands.order_by("-price")[:1]),
            grid_unit=models.F("fee_grid__unit"),
        )

    def for_age(self, age):
        return self.filter(
            models.Q(age_min__isnull=True) | models.Q(age_min__lte=age),
            models.Q(age_max__isnull=True) | models.Q(age_max__gte=age),
        )


class Activity(TakesRequests):
    """A regular activity of one or several houses (workshop, club, homework help...)."""

    class Category(models.TextChoices):
        EARLY_CHILDHOOD = "petite_enfance", _("Petite enfance")
        CHILDHOOD = "enfance", _("Enfance")
        YOUTH = "jeunesse", _("Jeunesse")
        FAMILIES = "familles", _("Familles")
        ADULTS = "adultes", _("Adultes")
        SENIORS = "seniors", _("Seniors")
        CULTURE = "culture", _("Culture")
        DIGITAL = "numerique", _("Numérique")
        RIGHTS = "acces_droits", _("Accès aux droits")
        FOOD = "alimentation", _("Alimentation")
        SPORT = "sport", _("Sport et bien-être")
        LANGUAGE = "langue", _("Français et langues")

    class PriceKind(models.TextChoices):
        FREE = "gratuit", _("Gratuit")
        FIXED = "fixe", _("Prix fixe")
        QUOTIENT = "quotient", _("Selon le quotient familial")

    class Status(models.TextChoices):
        OPEN = "places", _("Places disponibles")
        FULL = "complet", _("Complet")
        FINISHED = "termine", _("Terminé")

    houses = models.ManyToManyField(
        House,
        verbose_name=_("maisons"),
        related_name="activities",
        help_text=_("La ou les maisons qui proposent l'activité."),
    )
    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(_("adresse web"), max_length=80, unique=True)
    category = models.CharField(_("catégorie"), max_length=20, choices=Category.choices)
    summary = models.TextField(_("description"), blank=True)
    age_min = models.PositiveSmallIntegerField(
        _("âge minimum"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("âge maximum"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Vide : sans limite d'âge."),
    )
    weekday = models.PositiveSmallIntegerField(
        _("jour"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text=_("Vide pour une activité irrégulière : décrivez alors le calendrier."),
    )
    starts_at_time = models.TimeField(_("heure de début"), null=True, blank=True)
    ends_at_time = models.TimeField(_("heure de fin"), null=True, blank=True)
    schedule_note = models.CharField(
        _("précisions sur le calendrier"),
        max_length=200,
        blank=True,
        help_text=_("Ex. : « un samedi par mois », « pendant les vacances scolaires »."),
    )
    price_kind = models.CharField(
        _("tarif"), max_length=10, choices=PriceKind.choices, default=PriceKind.FREE
    )
    price = models.DecimalField(
        _("prix (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    fee_grid = models.ForeignKey(
        "FeeGrid",
        verbose_name=_("grille tarifaire"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
        help_text=_(
            "Pour un tarif selon le quotient familial : la grille de la maison pour la saison "
            "(menu « Grilles tarifaires »)."
        ),
    )
    # The free-text grid of before the grids: kept, read-only, where the
    # migration could not read it, for the team to enter as a real grid.
    price_grid_legacy = models.TextField(
        _("ancienne grille (texte)"),
        blank=True,
        help_text=_("À reprendre dans une grille tarifaire, puis à effacer."),
    )
    registration = models.TextField(
        _("inscription"), blank=True, help_text=_("Comment, où, avec quels papiers.")
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.OPEN)
    season = models.CharField(
        _("saison"), max_length=20, blank=True, help_text=_("Ex. : 2026-2027")
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activité")
        verbose_name_plural = _("activités")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_max__gte=models.F("age_min")),
                name="activity_ages_in_order",
                violation_error_message=_(
                    "L'âge maximum ne peut pas être inférieur à l'âge minimum."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(starts_at_time__isnull=True)
                | models.Q(ends_at_time__isnull=True)
                | models.Q(ends_at_time__gt=models.F("starts_at_time")),
                name="activity_times_in_order",
                violation_error_message=_("L'heure de fin doit suivre l'heure de début."),
            ),
            requests_have_places("activity_requests_have_places"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_or_empty("activities:detail", slug=self.slug)

    def clean(self):
        super().clean()
        if self.price_kind == self.PriceKind.FIXED and self.price is None:
            raise ValidationError({"price": _("Indiquez le prix.")})
        if self.price_kind == self.PriceKind.QUOTIENT and self.fee_grid_id is None:
            raise ValidationError(
                {"fee_grid": _("Choisissez la grille tarifaire selon le quotient familial.")}
            )
        if self.weekday is None and not self.schedule_note.strip():
            raise ValidationError(
                {"schedule_note": _("Choisissez un jour, ou décrivez le calendrier.")}
            )
        self.clean_places()

    @property
    def age_label(self):
        if self.age_min is None and self.age_max is None:
            return _("Tous âges")
        if self.age_max is None:
            return _("À partir de %(min)s ans") % {"min": self.age_min}
        if self.age_min is None:
            return _("Jusqu'à %(max)s ans") % {"max": self.age_max}
        return _("De %(min)s à %(max)s ans") % {"min": self.age_min, "max": self.age_max}

    @property
    def schedule_label(self):
        parts = []
        if self.weekday is not None:
            parts.append(str(self.get_weekday_display()).capitalize())
            if self.starts_at_time and self.ends_at_time:
                parts.append(
                    _("de %(start)s à %(end)s")
                    % {
                        "start": french_time(self.starts_at_time),
                        "end": french_time(self.ends_at_time),
                    }
                )
        if self.schedule_note:
            parts.append(self.schedule_note)
        return " ".join(str(p) for p in parts)

    @property
    def is_full(self):
        return self.status == self.Status.FULL

    @property
    def is_finished(self):
        return self.status == self.Status.FINISHED

    @property
    def takes_requests_now(self):
        """Whether a visitor may ask for a place today (registrations app)."""
        return self.accepts_requests and self.places is not None and not self.is_finished

    @property
    def has_quotient_price(self):
        return self.price_kind == self.PriceKind.QUOTIENT

    @property
    def price_label(self):
        """« 3 € », « Gratuit », « de 2 € à 12 € selon votre quotient familial »."""
        if self.price_kind == self.PriceKind.FIXED and self.price is not None:
            return fees.format_euros(self.price)
        if self.price_kind == self.PriceKind.QUOTIENT and self.fee_grid_id:
            if hasattr(self, "price_min"):  # ActivityQuerySet.with_prices()
                return fees.price_range_text(self.price_min, self.price_max, unit=self.grid_unit)
            return self.fee_grid.price_text
        return self.get_price_kind_display()

    def price_for(self, quotient):
        """What this activity costs at `quotient`: (price or None, band or None)."""
        if self.price_kind == self.PriceKind.FREE:
            return Decimal(0), None
        if self.price_kind == self.PriceKind.FIXED:
            return self.price, None
        if self.fee_grid_id:
            band = self.fee_grid.price_for(quotient)
            return (band.price if band else None), band
        return None, None


# Addresses the agenda's own pages take (houses/urls/agenda.py): an event
# with one of these slugs could never be opened.
AGENDA_RESERVED_SLUGS = ("semaine",)


def validate_event_slug(value):
    if value in AGENDA_RESERVED_SLUGS:
        raise ValidationError(
            _("« %(slug)s » est déjà l'adresse d'une page de l'agenda : choisissez-en une autre."),
            code="reserved",
            params={"slug": value},
        )


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def in_month(self, year, month):
        tz = timezone.get_current_timezone()
        start = datetime.datetime(year, month, 1, tzinfo=tz)
        end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
        return self.between(start, end)

    def between(self, start, end):
        """Events that overlap [start, end), oldest first: a month, the iCal feeds' window."""
        return self.filter(starts_at__lt=end, ends_at__gte=start).order_by("starts_at")

    def for_house(self, house):
        return self.filter(models.Q(organiser=house) | models.Q(place_house=house))

    def with_related(self):
        return self.select_related("organiser", "place_house", "public_place", "image")

    def agora(self):
        """The AGORA's sessions: the events in one of its public places."""
        return self.filter(public_place__isnull=False)


class PublicPlace(models.Model):
    """A public place where the AGORA is set up, and the theme usually discussed there."""

    class Kind(models.TextChoices):
        SQUARE = "place", _("Place, rue")
        PLAYGROUND = "aire_de_jeux", _("Aire de jeux")
        SCHOOL_GATE = "ecole", _("Sortie d'école")
        MARKET = "marche", _("Marché")
        FORECOURT = "parvis", _("Parvis d'un équipement (médiathèque…)")
        PUBLIC_SERVICE = "service_public", _("Devant un service public (CAF…)")
        OTHER = "autre", _("Autre lieu")

    name = models.CharField(
        _("nom du lieu"), max_length=160, unique=True, help_text=_("Ex. : parvis de la médiathèque")
    )
    kind = models.CharField(_("type de lieu"), max_length=20, choices=Kind.choices)
    usual_theme = models.CharField(
        _("thème habituel"),
        max_length=160,
        blank=True,
        help_text=_("Ce dont on parle d'habitude à cet endroit. Ex. : le logement."),
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    class Meta:
        verbose_name = _("lieu de l'AGORA")
        verbose_name_plural = _("lieux de l'AGORA")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Event(AltTextMixin, TakesRequests):
    """A dated event of the agenda, in a house or in a public place (an AGORA session)."""

    class Theme(models.TextChoices):
        DEBATE = "debat", _("Débat, AGORA")
        CULTURE = "culture", _("Culture, spectacle")
        WORKSHOP = "atelier", _("Atelier")
        FESTIVITY = "fete", _("Fête, repas")
        OUTING = "sortie", _("Sortie")
        FOOD = "alimentation", _("Alimentation")
        DIGITAL = "numerique", _("Numérique")
        RIGHTS = "acces_droits", _("Accès aux droits")
        MEETING = "reunion", _("Réunion, assemblée")

    class Audience(models.TextChoices):
        EVERYONE = "tous", _("Tout public")
        FAMILIES = "familles", _("Familles")
        CHILDREN = "enfants", _("Enfants")
        YOUTH = "jeunes", _("Jeunes")
        ADULTS = "adultes", _("Adultes")
        SENIORS = "seniors", _("Seniors")

    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(
        _("adresse web"), max_length=80, unique=True, validators=[validate_event_slug]
    )
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    is_all_day = models.BooleanField(
        _("toute la journée"), default=False, help_text=_("Les heures ne sont pas affichées.")
    )
    organiser = models.ForeignKey(
        House,
        verbose_name=_("organisé par"),
        on_delete=models.PROTECT,
        related_name="organised_events",
        help_text=_("Une maison, ou la Coopération."),
    )
    place_house = models.ForeignKey(
        House,
        verbose_name=_("dans la maison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text=_("Vide si l'événement a lieu ailleurs : indiquez alors le lieu et l'adresse."),
    )
    public_place = models.ForeignKey(
        PublicPlace,
        verbose_name=_("lieu de l'AGORA"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text=_(
            "Pour une séance de l'AGORA dans l'espace public : son lieu. "
            "Le nom et l'adresse du lieu viennent alors de là."
        ),
    )
    place_name = models.CharField(
        _("lieu"), max_length=160, blank=True, help_text=_("Ex. : place Jacquemart")
    )
    place_address = models.CharField(_("adresse du lieu"), max_length=200, blank=True)
    theme = models.CharField(_("thème"), max_length=20, choices=Theme.choices)
    audience = models.CharField(
        _("public"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    description = models.TextField(_("description"), blank=True)
    image = FilerImageField(
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_images",
    )
    registration = models.TextField(
        _("inscription"), blank=True, help_text=_("Vide : entrée libre, sans inscription.")
    )
    is_cancelled = models.BooleanField(
        _("annulé"), default=False, help_text=_("L'événement reste affiché, marqué « annulé ».")
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("La fin ne peut pas précéder le début."),
            ),
            requests_have_places("event_requests_have_places"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_or_empty("agenda:detail", slug=self.slug)

    def clean(self):
        # The alt text matters only when there is an image.
        if self.image_id:
            super().clean()
        if self.place_house_id and self.public_place_id:
            raise ValidationError(
                {
                    "public_place": _(
                        "Une séance de l'AGORA a lieu dehors : videz « dans la maison »."
                    )
                }
            )
        if self.place_house_id is None and self.public_place_id is None:
            if not self.place_name.strip():
                raise ValidationError(
                    {
                        "place_name": _(
                            "Choisissez une maison ou un lieu de l'AGORA, "
                            "ou indiquez le lieu et son adresse."
                        )
                    }
                )
        self.clean_places()

    def get_ics_url(self):
        return reverse_or_empty("agenda:ics", slug=self.slug)

    @property
    def takes_requests_now(self):
        """Whether a visitor may ask for a place now: not cancelled, not over (registrations app)."""
        return (
            self.accepts_requests
            and self.places is not None
            and not self.is_cancelled
            and self.ends_at > timezone.now()
        )

    @property
    def place_label(self):
        if self.place_house_id:
            return self.place_house.name
        if self.public_place_id:
            return self.public_place.name
        return self.place_name or self.place_address

    @property
    def when_label(self):
        """ "mardi 1er décembre 2026, 18 h – 19 h 30", in Paris time."""
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        same_day = start.date() == end.date()
        if self.is_all_day:
            label = french_date(start, "l j F Y")
            if not same_day:
                label += " – " + french_date(end, "l j F Y")
            return label
        label = f"{french_date(start, 'l j F Y')}, {french_time(start)}"
        if same_day:
            return f"{label} – {french_time(end)}"
        return f"{label} – {french_date(end, 'l j F Y')}, {french_time(end)}"

    @property
    def place_full_address(self):
        if self.place_house_id:
            return self.place_house.full_address
        if self.public_place_id:
            return self.public_place.address
        return self.place_address


class ContactMessageQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(is_handled=False)


class ContactMessage(models.Model):
    """A message sent through a house's contact form, kept even if the e-mail fails."""

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="contact_messages"
    )
    topic = models.CharField(
        _("sujet du formulaire"),
        max_length=60,
        blank=True,
        help_text=_("Vide : message général. Ex. : « évaluation »."),
    )
    addressed_to = models.CharField(
        _("à l'attention de"),
        max_length=120,
        blank=True,
        help_text=_("Le rôle choisi par la personne qui écrit (« Directrice ») ; vide : l'équipe."),
    )
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    subject = models.CharField(_("objet"), max_length=160)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)
    emailed_at = models.DateTimeField(
        _("transmis par e-mail le"),
        null=True,
        blank=True,
        help_text=_("Vide : l'e-mail n'a pas pu partir, lisez le message ici."),
    )
    is_handled = models.BooleanField(_("traité"), default=False)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message de contact")
        verbose_name_plural = _("messages de contact")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="contact_message_has_a_way_back",
                violation_error_message=_("Indiquez un e-mail ou un téléphone."),
            )
        ]

    def __str__(self):
        return f"{self.subject} — {self.name}"


class KeyFiguresBlock(CMSPlugin):
    """Key figures chosen among the `KeyFigure` records: dated and sourced wherever they show."""

    title = models.CharField(
        _("titre"),
        max_length=120,
        help_text=_("Le titre au-dessus des chiffres, par exemple « La Coopération en chiffres »."),
    )
    figures = models.ManyToManyField(
        KeyFigure,
        verbose_name=_("chiffres clés"),
        related_name="+",
        help_text=_(
            "Choisis parmi les chiffres clés (Maisons › Chiffres clés), avec leur année et leur source."
        ),
    )

    class Meta:
        verbose_name = _("bloc de chiffres clés")
        verbose_name_plural = _("blocs de chiffres clés")

    def __str__(self):
        return self.title

    def copy_relations(self, oldinstance):
        self.figures.set(oldinstance.figures.all())


class EventCardsBlock(CardsBlock):
    """Event cards: the next events (of one house, or all), or events chosen one by one."""

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Règle : les prochains événements de cette maison (vide : de toutes)."),
    )
    chosen = models.ManyToManyField(
        "Event",
        verbose_name=_("événements choisis un à un"),
        blank=True,
        related_name="+",
        help_text=_(
            "Facultatif : ces événements à la place de la règle (les passés disparaissent d'eux-mêmes)."
        ),
    )

    class Meta:
        verbose_name = _("cartes d'événements")
        verbose_name_plural = _("cartes d'événements")

    def visible(self, queryset):
        return queryset.upcoming().with_related()

    def rule(self):
        events = Event.objects.all()
        return events.for_house(self.house) if self.house_id else events


class ActivityCardsBlock(CardsBlock):
    """Activity cards: the current activities of a house and/or a category, or chosen ones."""

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Règle : les activités de cette maison (vide : de toutes)."),
    )
    category = models.CharField(
        _("catégorie"),
        max_length=20,
        choices=Activity.Category.choices,
        blank=True,
        help_text=_("Règle : seulement cette catégorie (vide : toutes)."),
    )
    chosen = models.ManyToManyField(
        Activity,
        verbose_name=_("activités choisies une à une"),
        blank=True,
        related_name="+",
        help_text=_(
            "Facultatif : ces activités à la place de la règle (les terminées disparaissent)."
        ),
    )

    class Meta:
        verbose_name = _("cartes d'activités")
        verbose_name_plural = _("cartes d'activités")

    def visible(self, queryset):
        return queryset.current().with_prices().prefetch_related("houses").order_by("title")

    def rule(self):
        activities = Activity.objects.all()
        if self.house_id:
            activities = activities.for_house(self.house)
        if self.category:
            activities = activities.filter(category=self.category)
        return activities


class HouseCardsBlock(CardsBlock):
    """House cards (photo, « ouvert maintenant »): every neighbourhood house, or chosen ones."""

    chosen = models.ManyToManyField(
        House,
        verbose_name=_("maisons choisies une à une"),
        blank=True,
        related_name="+",
        help_text=_("Facultatif : ces maisons seulement (vide : toutes les maisons de quartier)."),
    )

    class Meta:
        verbose_name = _("cartes de maisons")
        verbose_name_plural = _("cartes de maisons")

    def visible(self, queryset):
        return queryset.for_cards().order_by("name")

    def rule(self):
        return House.objects.neighbourhood_houses()


class ContactFormBlock(CMSPlugin):
    """A house's contact form on any page; it posts to the house's own contact page."""

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("La maison qui reçoit les messages."),
    )
    title = models.CharField(
        _("titre"),
        max_length=120,
        blank=True,
        help_text=_("Facultatif : sinon « Écrire à » et le nom de la maison."),
    )

    class Meta:
        verbose_name = _("formulaire de contact")
        verbose_name_plural = _("formulaires de contact")

    def __str__(self):
        return self.title or str(self.house)
