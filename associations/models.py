from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from houses.models import House


class AssociationQuerySet(models.QuerySet):
    def for_cards(self):
        return self.select_related("house")


class Association(models.Model):
    """An association hosted by a house. Its e-mail is kept for the relay form, never shown."""

    class Field(models.TextChoices):
        CULTURE = "culture", _("Culture et loisirs")
        SPORT = "sport", _("Sport")
        SOLIDARITY = "solidarite", _("Solidarité et entraide")
        EDUCATION = "education", _("Éducation et jeunesse")
        HEALTH = "sante", _("Santé et bien-être")
        ENVIRONMENT = "environnement", _("Environnement")
        CITIZENSHIP = "citoyennete", _("Citoyenneté et vie du quartier")
        OTHER = "autre", _("Autre")

    name = models.CharField(_("nom"), max_length=160)
    slug = models.SlugField(
        _("adresse web"),
        max_length=160,
        unique=True,
        help_text=_("La fin de son adresse sur le site."),
    )
    field = models.CharField(_("domaine"), max_length=20, choices=Field.choices)
    house = models.ForeignKey(
        House,
        verbose_name=_("maison qui l'accueille"),
        on_delete=models.PROTECT,
        related_name="associations",
    )
    offer = models.TextField(
        _("ce qu'elle propose"),
        max_length=1500,
        help_text=_("Ses activités, pour qui, quand : quelques phrases."),
    )
    email = models.EmailField(
        _("e-mail de l'association"),
        blank=True,
        help_text=_(
            "Jamais affiché : les messages du formulaire « Écrire à l'association » y sont "
            "transmis. Vide : ils vont à la maison qui l'accueille."
        ),
    )
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        help_text=_("Donnée de démonstration : affichée avec la mention « Exemple »."),
    )

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("association accueillie")
        verbose_name_plural = _("associations accueillies")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        try:
            return reverse("associations:detail", kwargs={"slug": self.slug})
        except NoReverseMatch:  # the directory's page is not published yet
            return ""


class AssociationMessage(models.Model):
    """A message to an association through its relay form, kept even if the e-mail fails."""

    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="messages",
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
        help_text=_("Vide : l'e-mail n'a pas pu partir, transmettez le message à l'association."),
    )
    is_handled = models.BooleanField(_("traité"), default=False)

    class Meta:
        verbose_name = _("message à une association")
        verbose_name_plural = _("messages aux associations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="association_message_has_a_way_back",
                violation_error_message=_("Indiquez un e-mail ou un téléphone."),
            )
        ]

    def __str__(self):
        return f"{self.subject} — {self.name}"


class RoomQuerySet(models.QuerySet):
    def for_cards(self):
        return self.select_related("house")


class Room(models.Model):
    """A room a house lends or hires to associations and residents."""

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="rooms"
    )
    name = models.CharField(_("nom"), max_length=120, help_text=_("Par exemple « Grande salle »."))
    slug = models.SlugField(
        _("adresse web"), max_length=120, help_text=_("La fin de son adresse sur le site.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacité"),
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Le nombre de personnes qu'elle accueille au plus."),
    )
    equipment = models.TextField(
        _("équipement"),
        max_length=1000,
        blank=True,
        help_text=_("Tables, chaises, vidéoprojecteur, cuisine, sonorisation…"),
    )
    accessibility = models.TextField(
        _("accessibilité"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Accès de plain-pied ou ascenseur, toilettes adaptées, boucle magnétique… "
            "Dites aussi ce qui manque."
        ),
    )
    conditions = models.TextField(
        _("conditions"),
        max_length=1500,
        blank=True,
        help_text=_("Prêt ou location, tarif, adhésion demandée, horaires possibles, clés."),
    )
    order = models.PositiveSmallIntegerField(
        _("ordre"), default=0, help_text=_("Les plus petits nombres d'abord.")
    )
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        help_text=_("Donnée de démonstration : affichée avec la mention « Exemple »."),
    )

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("salle")
        verbose_name_plural = _("salles")
        ordering = ["house", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "slug"],
                name="room_slug_unique_per_house",
                violation_error_message=_("Cette maison a déjà une salle à cette adresse web."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.house.short_name})"

    def get_absolute_url(self):
        try:
            return reverse("rooms:detail", kwargs={"house": self.house.slug, "slug": self.slug})
        except NoReverseMatch:  # the rooms' page is not published yet
            return ""


class RoomRequest(models.Model):
    """A request to use a room, from its form: kept even if the e-mail to the house fails."""

    class Status(models.TextChoices):
        NEW = "nouvelle", _("Nouvelle")
        ACCEPTED = "acceptee", _("Acceptée")
        REFUSED = "refusee", _("Refusée")

    room = models.ForeignKey(
        Room, verbose_name=_("salle"), on_delete=models.CASCADE, related_name="requests"
    )
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(
        _("jusqu'au"),
        null=True,
        blank=True,
        help_text=_("Pour plusieurs jours de suite, le dernier ; sinon laissez vide."),
    )
    starts_at = models.TimeField(_("de"), help_text=_("L'heure d'arrivée, par exemple 14:00."))
    ends_at = models.TimeField(_("à"), help_text=_("L'heure de départ, par exemple 17:30."))
    attendees = models.PositiveSmallIntegerField(_("nombre de personnes"), null=True, blank=True)
    purpose = models.TextField(
        _("pour quoi faire"),
        max_length=2000,
        help_text=_("Réunion, atelier, fête, assemblée générale… et pour qui."),
    )
    organisation = models.CharField(
        _("association ou organisme"),
        max_length=160,
        blank=True,
        help_text=_("Vide : une demande à titre personnel."),
    )
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.NEW)
    answer = models.TextField(
        _("réponse de l'équipe"),
        blank=True,
        help_text=_("Ce que l'équipe a répondu ou convenu (clés, tarif, horaires)."),
    )
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    emailed_at = models.DateTimeField(
        _("transmise par e-mail le"),
        null=True,
        blank=True,
        help_text=_("Vide : l'e-mail n'a pas pu partir, lisez la demande ici."),
    )

    class Meta:
        verbose_name = _("demande de salle")
        verbose_name_plural = _("demandes de salle")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="room_request_has_a_way_back",
                violation_error_message=_("Indiquez un e-mail ou un téléphone."),
            )
        ]

    def __str__(self):
        return f"{self.room} — {self.starts_on:%d/%m/%Y} — {self.organisation or self.name}"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("L'heure de fin doit venir après l'heure de début.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Le dernier jour ne peut pas précéder le premier.")
        if errors:
            raise ValidationError(errors)
