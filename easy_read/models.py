"""Easy-to-read versions (Facile à lire et à comprendre, FALC) of the site's pages.

A version belongs to one house page or to one CMS page (« Adhérer », « La
Coopération »…). It is a list of short lines, one idea each, each may start
with a pictogram of the local set (pictograms.py). It has its own address,
/facile-a-lire/<adresse>/, and the page it belongs to shows a visible
« Facile à lire » link at its top.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from houses.models import SAMPLE_HELP, House

from . import pictograms

MAX_WORDS = 15  # FALC: short sentences, one idea per line


class EasyReadQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class EasyReadVersion(models.Model):
    title = models.CharField(
        _("titre"), max_length=120, help_text=_("Ex. : « La maison des Ors, facile à lire »")
    )
    slug = models.SlugField(
        _("adresse web"),
        max_length=80,
        unique=True,
        help_text=_(
            "La fin de son adresse sur le site, par exemple maison-des-ors pour /facile-a-lire/maison-des-ors/."
        ),
    )
    house = models.OneToOneField(
        House,
        verbose_name=_("page de la maison"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="easy_read",
    )
    page = models.OneToOneField(
        "cms.Page",
        verbose_name=_("page du site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="easy_read",
        help_text=_("Ou une page du site, par exemple « Adhérer »."),
    )
    is_published = models.BooleanField(
        _("publiée"),
        default=False,
        help_text=_("Décochée : la version n'est visible que de l'équipe, sans lien sur la page."),
    )
    is_sample = models.BooleanField(_("exemple"), default=False, help_text=SAMPLE_HELP)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = EasyReadQuerySet.as_manager()

    class Meta:
        verbose_name = _("version facile à lire")
        verbose_name_plural = _("versions faciles à lire")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(house__isnull=False, page__isnull=True)
                    | models.Q(house__isnull=True, page__isnull=False)
                ),
                name="easy_read_of_one_page",
                violation_error_message=_(
                    "Choisissez la page de la maison ou une page du site : une seule."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("easy_read:detail", kwargs={"slug": self.slug})

    def clean(self):
        if bool(self.house_id) == bool(self.page_id):
            # Not at a field: a house's team is shown the house only, an editor the page only.
            raise ValidationError(
                _("Choisissez la page de la maison ou une page du site : une seule.")
            )

    def original_url(self):
        if self.house_id:
            return self.house.get_absolute_url()
        return self.page.get_absolute_url("fr") if self.page_id else ""


def validate_short_line(text):
    words = len(text.split())
    if words > MAX_WORDS:
        raise ValidationError(
            _(
                "Une phrase courte, une seule idée : %(max)s mots au plus (ici %(words)s). "
                "Coupez-la en deux lignes."
            ),
            params={"max": MAX_WORDS, "words": words},
        )


class EasyReadLine(models.Model):
    version = models.ForeignKey(
        EasyReadVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="lines"
    )
    is_heading = models.BooleanField(
        _("titre de partie"), default=False, help_text=_("Un titre court qui ouvre une partie.")
    )
    pictogram = models.CharField(
        _("pictogramme"), max_length=20, blank=True, choices=pictograms.choices()
    )
    text = models.CharField(
        _("phrase"),
        max_length=160,
        validators=[validate_short_line],
        help_text=_("Une phrase courte, une seule idée, 15 mots au plus."),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("ligne")
        verbose_name_plural = _("lignes")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def pictogram_path(self):
        return pictograms.path(self.pictogram) if self.pictogram else ""

    @property
    def pictogram_alt(self):
        return pictograms.PICTOGRAMS.get(self.pictogram, "")
