from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField


class AltTextMixin(models.Model):
    """Alt text that an editor must give, or explicitly waive for a decorative image."""

    alt_text = models.CharField(
        _("texte alternatif"),
        max_length=255,
        blank=True,
        help_text=_(
            "Décrivez l'image pour les personnes qui ne la voient pas "
            "(lecteur d'écran, image non chargée)."
        ),
    )
    is_decorative = models.BooleanField(
        _("image décorative"),
        default=False,
        help_text=_("Cochez si l'image n'apporte aucune information : elle sera ignorée."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.alt_text.strip() and not self.is_decorative:
            raise ValidationError(
                {"alt_text": _("Donnez un texte alternatif, ou cochez « image décorative ».")}
            )

    @property
    def alt(self):
        return "" if self.is_decorative else self.alt_text


class Figure(AltTextMixin, CMSPlugin):
    """One image with its caption and credit (the design system's figure)."""

    image = FilerImageField(
        verbose_name=_("image"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    caption = models.CharField(_("légende"), max_length=255, blank=True)
    credit = models.CharField(_("crédit"), max_length=120, blank=True)
    wide = models.BooleanField(_("pleine largeur"), default=False)

    class Meta:
        verbose_name = _("image avec légende")
        verbose_name_plural = _("images avec légende")

    def __str__(self):
        return self.caption or self.alt_text or str(_("Image"))


class CardsBlock(CMSPlugin):
    """Cards of an app's items (events, news…), chosen one by one or by a rule.

    Each app makes the concrete block: `chosen`, a many-to-many field of its
    items; `visible(queryset)`, what visitors may see of them in card order;
    and `rule()`, the items the block's rule picks (its own fields: a house,
    a category…). Items chosen by hand win over the rule.
    """

    title = models.CharField(
        _("titre"),
        max_length=120,
        help_text=_(
            "Le titre au-dessus des cartes, par exemple « Les prochains événements des Ors »."
        ),
    )
    count = models.PositiveSmallIntegerField(
        _("nombre de cartes"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Combien en montrer au plus (1 à 12)."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def visible(self, queryset):
        raise NotImplementedError

    def rule(self):
        raise NotImplementedError

    def cards(self):
        chosen = self.visible(self.chosen.all())
        if self.chosen.exists():
            return list(chosen[: self.count])
        return list(self.visible(self.rule())[: self.count])

    def copy_relations(self, oldinstance):
        self.chosen.set(oldinstance.chosen.all())
