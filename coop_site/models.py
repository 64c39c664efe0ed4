from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
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


class PartnerLogo(CMSPlugin):
    """A partner's logo in the « Logos de partenaires » block (the footer's shared content)."""

    # Without its image (deleted from the media library), the partner's name is shown.
    image = FilerImageField(
        verbose_name=_("logo"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(
        _("nom du partenaire"),
        max_length=120,
        help_text=_(
            "Lu à la place du logo par les lecteurs d'écran, par exemple « Ville de Romans »."
        ),
    )
    url = models.URLField(
        _("site du partenaire"),
        blank=True,
        help_text=_("Facultatif : une adresse complète, commençant par https://"),
    )

    class Meta:
        verbose_name = _("logo de partenaire")
        verbose_name_plural = _("logos de partenaires")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.url and not self.url.startswith("https://"):
            raise ValidationError({"url": _("Donnez une adresse sûre, commençant par https://")})
