from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField

from houses.models import House


class PartnerQuerySet(models.QuerySet):
    def for_display(self):
        """With their logo and houses: the same few queries for any number of partners."""
        return self.select_related("logo").prefetch_related("houses")


class Partner(models.Model):
    """A funder, partner or network of the houses: shown in the footer and on « Partenaires »."""

    class Kind(models.TextChoices):
        FUNDER = "financeur", _("Financeur")
        PARTNER = "partenaire", _("Partenaire")
        NETWORK = "reseau", _("Réseau")

    name = models.CharField(
        _("nom"),
        max_length=160,
        help_text=_("Par exemple « Caisse d'allocations familiales (CAF) »."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    description = models.CharField(
        _("ce qu'il fait avec les maisons"),
        max_length=255,
        blank=True,
        help_text=_("Une phrase, par exemple « agrée les trois centres sociaux »."),
    )
    logo = FilerImageField(
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif : sans logo, le nom du partenaire est affiché."),
    )
    alt_text = models.CharField(
        _("texte alternatif du logo"),
        max_length=255,
        blank=True,
        help_text=_(
            "Obligatoire avec un logo : ce que le logo dit, lu par les lecteurs d'écran, "
            "souvent le nom du partenaire."
        ),
    )
    url = models.URLField(
        _("site du partenaire"),
        blank=True,
        help_text=_("Facultatif : une adresse complète, commençant par https://"),
    )
    houses = models.ManyToManyField(
        House,
        verbose_name=_("maisons concernées"),
        blank=True,
        related_name="partners",
        help_text=_("Aucune maison cochée : le partenaire de toute la Coopération."),
    )
    order = models.PositiveSmallIntegerField(
        _("ordre"), default=0, help_text=_("Les plus petits nombres d'abord.")
    )
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        help_text=_("Donnée de démonstration : affichée avec la mention « Exemple »."),
    )

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires et financeurs")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.logo_id and not self.alt_text.strip():
            errors["alt_text"] = _(
                "Donnez un texte alternatif au logo, par exemple le nom du partenaire : "
                "sans lui, les personnes qui ne voient pas le logo ne savent pas qui c'est."
            )
        if self.url and not self.url.startswith("https://"):
            errors["url"] = _("Donnez une adresse sûre, commençant par https://")
        if errors:
            raise ValidationError(errors)

    @property
    def alt(self):
        return self.alt_text.strip() or self.name
