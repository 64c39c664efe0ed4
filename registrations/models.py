from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from houses.models import Activity, Event

MAX_PEOPLE = 10
PEOPLE_MESSAGE = _(
    "Indiquez entre 1 et %(max)s personnes. Pour un groupe plus grand, appelez la maison."
) % {"max": MAX_PEOPLE}


class RegistrationQuerySet(models.QuerySet):
    def for_item(self, item):
        """The requests for an activity or an event."""
        return self.filter(**{item_field(item): item})

    def holding_places(self):
        return self.filter(status__in=Registration.HOLDING_PLACES)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def for_houses(self, houses):
        """Those a house's team handles: its activities', its events' (organiser or host)."""
        return self.filter(
            models.Q(activity__houses__in=houses)
            | models.Q(event__organiser__in=houses)
            | models.Q(event__place_house__in=houses)
        ).distinct()

    def with_item(self):
        return self.select_related("activity", "event__organiser", "event__place_house")


class Registration(models.Model):
    """A resident's request for a place in an activity or an event (registrations/services.py)."""

    class Status(models.TextChoices):
        RECEIVED = "recue", _("Reçue")
        CONFIRMED = "confirmee", _("Confirmée")
        WAITING = "attente", _("Liste d'attente")
        CANCELLED = "annulee", _("Annulée")
        PRESENT = "presente", _("Présente")

    # What takes places: a received request too, so that staff adding one by hand never overbook.
    HOLDING_PLACES = (Status.RECEIVED, Status.CONFIRMED, Status.PRESENT)

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activité"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("événement"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("nom"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    people = models.PositiveSmallIntegerField(
        _("nombre de personnes"),
        default=1,
        validators=[
            MinValueValidator(1, message=PEOPLE_MESSAGE),
            MaxValueValidator(MAX_PEOPLE, message=PEOPLE_MESSAGE),
        ],
    )
    child_age = models.PositiveSmallIntegerField(
        _("âge de l'enfant"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
    )
    comment = models.TextField(_("commentaire"), max_length=1000, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("dernière modification"), auto_now=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        permissions = [
            (
                "manage_personal_data",
                _("Exporter ou effacer tout ce que le site garde sur une personne"),
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(activity__isnull=False, event__isnull=True)
                | models.Q(activity__isnull=True, event__isnull=False),
                name="registration_for_one_item",
                violation_error_message=_(
                    "Une inscription porte sur une activité ou sur un événement, pas les deux."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="registration_has_a_way_back",
                violation_error_message=_("Indiquez un e-mail ou un téléphone."),
            ),
            models.CheckConstraint(
                condition=models.Q(people__gte=1, people__lte=MAX_PEOPLE),
                name="registration_people_in_range",
                violation_error_message=PEOPLE_MESSAGE,
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.item}"

    def get_absolute_url(self):
        """The person's own page (confirmation, cancel), reached by its signed link."""
        from .services import registration_token

        return reverse("registrations:detail", kwargs={"token": registration_token(self)})

    @property
    def item(self):
        return self.activity if self.activity_id else self.event

    @property
    def holds_places(self):
        return self.status in self.HOLDING_PLACES

    @property
    def is_waiting(self):
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def waiting_position(self):
        """1 for the first one waiting; None when not waiting."""
        if not self.is_waiting:
            return None
        earlier = (
            Registration.objects.for_item(self.item)
            .waiting()
            .filter(
                models.Q(created_at__lt=self.created_at)
                | models.Q(created_at=self.created_at, pk__lt=self.pk)
            )
        )
        return earlier.count() + 1


def item_field(item):
    """ "activity" or "event": the registration's field for this item."""
    if isinstance(item, Activity):
        return "activity"
    if isinstance(item, Event):
        return "event"
    raise TypeError(item)
