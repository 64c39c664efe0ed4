from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from houses.models import SAMPLE_HELP, House, Season


class FinancialHelp(models.Model):
    """A help a house accepts to pay fees (CAF, pass'sport, chèques vacances…)."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    description = models.CharField(
        _("en quelques mots"),
        max_length=200,
        blank=True,
        help_text=_("Ex. : « aide de la CAF pour les loisirs des enfants »."),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("aide acceptée")
        verbose_name_plural = _("aides acceptées")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class MembershipTermsQuerySet(models.QuerySet):
    def for_season(self, season):
        return self.filter(season=season)

    def for_page(self):
        return self.select_related("house", "season").prefetch_related("helps")


def fee_field(label):
    return models.DecimalField(
        label,
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=_("Un montant ne peut pas être négatif."))],
        help_text=_("En euros. Vide : pas de cette adhésion ; 0 : gratuite."),
    )


class MembershipTerms(models.Model):
    """How to join a house for a season: the fees, the papers, where and when, the helps."""

    house = models.ForeignKey(
        House, verbose_name=_("maison"), on_delete=models.CASCADE, related_name="membership_terms"
    )
    season = models.ForeignKey(
        Season,
        verbose_name=_("saison"),
        on_delete=models.PROTECT,
        related_name="membership_terms",
    )
    individual_fee = fee_field(_("adhésion individuelle (€)"))
    family_fee = fee_field(_("adhésion famille (€)"))
    association_fee = fee_field(_("adhésion association (€)"))
    fee_note = models.CharField(
        _("précision sur l'adhésion"),
        max_length=200,
        blank=True,
        help_text=_(
            "Ex. : « valable dans les trois maisons », « gratuite pour les moins de 18 ans »."
        ),
    )
    papers = models.TextField(
        _("papiers à apporter"),
        blank=True,
        help_text=_("Un papier par ligne : attestation de quotient familial, carnet de santé…"),
    )
    where_when = models.TextField(
        _("où et quand s'inscrire"),
        blank=True,
        help_text=_("Ex. : « à l'accueil, du lundi au vendredi, de 9 h à 12 h »."),
    )
    helps = models.ManyToManyField(
        FinancialHelp,
        verbose_name=_("aides acceptées"),
        blank=True,
        related_name="membership_terms",
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)

    objects = MembershipTermsQuerySet.as_manager()

    class Meta:
        verbose_name = _("adhésion et inscription")
        verbose_name_plural = _("adhésions et inscriptions")
        ordering = ["-season__starts_on", "house__order", "house__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["house", "season"],
                name="membership_terms_one_per_season",
                violation_error_message=_(
                    "Cette maison a déjà sa fiche d'adhésion pour cette saison : modifiez-la."
                ),
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__isnull": True})
                    | models.Q(**{f"{name}__gte": 0}),
                    name=f"membership_{name}_not_negative",
                    violation_error_message=_("Un montant ne peut pas être négatif."),
                )
                for name in ("individual_fee", "family_fee", "association_fee")
            ),
        ]

    def __str__(self):
        return f"{self.house.short_name or self.house.name} · {self.season.label}"

    def clean(self):
        super().clean()
        if self.house_id and self.season_id:
            others = MembershipTerms.objects.filter(house=self.house_id, season=self.season_id)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "season": _(
                            "Cette maison a déjà sa fiche d'adhésion pour cette saison : "
                            "modifiez-la."
                        )
                    }
                )

    @property
    def paper_list(self):
        return [line.strip(" -•\t") for line in self.papers.splitlines() if line.strip(" -•\t")]
