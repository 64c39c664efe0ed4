"""The people a resident meets in the houses, and the houses' governance.

A person is shown by the name they chose (full name or first name only) and
their role; never by a personal e-mail: a visitor writes to the house, « à
l'attention de » the role (houses.recipients). The number of volunteers is a
dated, sourced key figure (houses.KeyFigure), not a count of these rows.
"""

from urllib.parse import urlencode

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField

from coop_site.apphooks import reverse_or_empty
from coop_site.models import AltTextMixin
from houses import directory
from houses.models import SAMPLE_HELP, House

MANAGE_ALL_PEOPLE = "people.manage_all_people"

validate_extension = RegexValidator(
    r"^[0-9]{1,6}$",
    message=_("Le poste s'écrit en chiffres seulement (6 au plus), par exemple 12."),
    code="extension",
)


class PersonQuerySet(models.QuerySet):
    def for_house(self, house):
        """The people of `house`; for the Coopération, those of no house too."""
        if house.is_cooperation:
            return self.filter(models.Q(house__isnull=True) | models.Q(house=house))
        return self.filter(house=house)

    def cooperation(self):
        return self.filter(
            models.Q(house__isnull=True) | models.Q(house__kind=House.Kind.COOPERATION)
        )

    def for_cards(self):
        return self.select_related("photo", "house")


class Person(AltTextMixin, models.Model):
    """A member of a house's staff or of its board (conseil d'administration)."""

    class Kind(models.TextChoices):
        STAFF = "equipe", _("Équipe salariée")
        BOARD = "conseil", _("Conseil d'administration")

    display_name = models.CharField(
        _("nom affiché"),
        max_length=120,
        help_text=_(
            "Prénom et nom, ou prénom seul : c'est la personne qui choisit ce qui est affiché."
        ),
    )
    role = models.CharField(
        _("rôle"),
        max_length=120,
        help_text=_(
            "Ex. : Directrice, Animateur jeunesse, Présidente, Référente famille. "
            "Les visiteurs écrivent à la maison « à l'attention de » ce rôle : "
            "aucune adresse e-mail personnelle n'est publiée."
        ),
    )
    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="people",
        help_text=_("Vide : la Coopération."),
    )
    kind = models.CharField(_("instance"), max_length=20, choices=Kind.choices, default=Kind.STAFF)
    photo = FilerImageField(
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person_photos",
        help_text=_("Facultative, avec l'accord de la personne."),
    )
    phone_extension = models.CharField(
        _("poste téléphonique"),
        max_length=6,
        blank=True,
        validators=[validate_extension],
        help_text=_(
            "Facultatif : le numéro de poste, en chiffres, après le standard de la maison."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("ordre d'affichage"), default=0, help_text=_("Les plus petits nombres d'abord.")
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("équipes et conseils d'administration")
        ordering = ["order", "display_name"]
        permissions = [
            ("manage_all_people", _("Peut gérer les équipes et instances de toutes les maisons"))
        ]

    def __str__(self):
        return f"{self.display_name} — {self.role}"

    def clean(self):
        # The alt text matters only when there is a photo.
        if self.photo_id:
            super().clean()

    @property
    def house_label(self):
        return self.house.short_name if self.house else _("La Coopération")

    @property
    def contact_url(self):
        """The house's contact form with this person's role chosen (`?destinataire=`), or ""."""
        house = self.house or directory.cooperation()
        if house is None:
            return ""
        url = reverse_or_empty("houses:contact", slug=house.slug)
        return f"{url}?{urlencode({'destinataire': self.role})}#contact" if url else ""


class ProjectGroupQuerySet(models.QuerySet):
    def for_house(self, house):
        """The groups of `house`; for the Coopération, every group (they all belong to it)."""
        if house.is_cooperation:
            return self.all()
        return self.filter(houses=house)


class ProjectGroup(models.Model):
    """A project group: volunteers and staff working on one theme, in one house or several."""

    name = models.CharField(_("nom"), max_length=160)
    theme = models.CharField(
        _("thème"), max_length=120, help_text=_("Ex. : mobilité, culture, alimentation")
    )
    houses = models.ManyToManyField(
        House,
        verbose_name=_("maisons"),
        blank=True,
        related_name="project_groups",
        help_text=_("Vide : un groupe de toute la Coopération."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Ce que fait le groupe, qui peut le rejoindre.")
    )
    order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    objects = ProjectGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("groupe projet")
        verbose_name_plural = _("groupes projets")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name
