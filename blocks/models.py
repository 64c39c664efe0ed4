"""The editors' kit: content blocks that keep to the site's design (issue 14).

Every text typed here is shown escaped; rich text only comes from the text
plugins placed inside a block. A block has few options on purpose: an editor
chooses what it says, the design system decides how it looks.
"""

from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .validators import validate_link_text

PREVIEW_WORDS = 12


def preview(text, words=PREVIEW_WORDS):
    return Truncator(" ".join(text.split())).words(words, truncate=" …")


class HeadingLevel(models.IntegerChoices):
    H2 = 2, _("Titre de niveau 2 (une grande partie de la page)")
    H3 = 3, _("Titre de niveau 3 (une sous-partie)")


class Section(CMSPlugin):
    """A part of a page with its heading and intro; its blocks go inside."""

    title = models.CharField(
        _("titre"),
        max_length=150,
        blank=True,
        help_text=_(
            "Facultatif. Le titre de la partie, par exemple « Coopérer, pour quoi faire ? »."
        ),
    )
    heading_level = models.PositiveSmallIntegerField(
        _("niveau du titre"),
        choices=HeadingLevel.choices,
        default=HeadingLevel.H2,
        help_text=_("Niveau 2 sous le titre de la page, niveau 3 dans une partie de niveau 2."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Facultatif. Une ou deux phrases, affichées en plus grand sous le titre."),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title or preview(self.intro) or str(_("Section sans titre"))


class Grid(CMSPlugin):
    class Columns(models.IntegerChoices):
        TWO = 2, _("2 colonnes")
        THREE = 3, _("3 colonnes")

    columns = models.PositiveSmallIntegerField(
        _("nombre de colonnes"),
        choices=Columns.choices,
        default=Columns.TWO,
        help_text=_("Sur un téléphone, les colonnes se placent l'une sous l'autre."),
    )

    class Meta:
        verbose_name = _("grille de colonnes")
        verbose_name_plural = _("grilles de colonnes")

    def __str__(self):
        return str(self.get_columns_display())


class Column(CMSPlugin):
    """One column of a grid: only its blocks, no option."""

    class Meta:
        verbose_name = _("colonne")
        verbose_name_plural = _("colonnes")

    def __str__(self):
        count = self.get_children().count() if self.pk else 0
        if not count:
            return str(_("Colonne vide"))
        return str(_("Colonne : %(count)s bloc(s)") % {"count": count})


class Accordion(CMSPlugin):
    """A list of items that open and close (`<details>`), without JavaScript."""

    title = models.CharField(
        _("titre"),
        max_length=150,
        blank=True,
        help_text=_("Facultatif. Un titre au-dessus de la liste, par exemple « La Coopération »."),
    )
    heading_level = models.PositiveSmallIntegerField(
        _("niveau du titre"), choices=HeadingLevel.choices, default=HeadingLevel.H2
    )

    class Meta:
        verbose_name = _("liste dépliable")
        verbose_name_plural = _("listes dépliables")

    def __str__(self):
        return self.title or str(_("Liste dépliable"))


class AccordionItem(CMSPlugin):
    summary = models.CharField(
        _("titre de l'élément"),
        max_length=150,
        help_text=_(
            "Le texte toujours visible, sur lequel on clique pour déplier, par exemple "
            "« Présentation de la Coopération »."
        ),
    )
    is_open = models.BooleanField(
        _("déplié à l'ouverture de la page"),
        default=False,
    )

    class Meta:
        verbose_name = _("élément dépliable")
        verbose_name_plural = _("éléments dépliables")

    def __str__(self):
        return self.summary


class CallToAction(CMSPlugin):
    """A button or a link to exactly one destination, with a text that names it."""

    class Style(models.TextChoices):
        BUTTON = "button", _("Bouton")
        SECONDARY = "secondary", _("Bouton discret (contour)")
        LINK = "link", _("Lien simple, avec une flèche")

    TARGET_FIELDS = ("page", "house", "event", "report", "document", "external_url")

    text = models.CharField(
        _("texte du lien"),
        max_length=120,
        validators=[validate_link_text],
        help_text=_(
            "Dites où mène le lien, par exemple « Lire le rapport d'activités 2018 » ; "
            "jamais « ici » ou « cliquez ici »."
        ),
    )
    style = models.CharField(
        _("apparence"), max_length=12, choices=Style.choices, default=Style.BUTTON
    )
    page = models.ForeignKey(
        "cms.Page",
        verbose_name=_("page du site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    house = models.ForeignKey(
        "houses.House",
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        "houses.Event",
        verbose_name=_("événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = models.ForeignKey(
        "evaluation.Report",
        verbose_name=_("rapport d'évaluation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"status": "publie"},
        help_text=_("Seuls les rapports publiés sont proposés."),
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document à télécharger"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_published": True, "file__is_public": True},
        help_text=_("Seuls les documents publiés sont proposés."),
    )
    external_url = models.URLField(
        _("adresse d'un autre site"),
        max_length=500,
        blank=True,
        validators=[
            URLValidator(
                schemes=["https"],
                message=_("Donnez une adresse complète et sûre, qui commence par https://"),
                code="not_https",  # not "invalid": the form's generic message would replace it
            )
        ],
        help_text=_("Une adresse qui commence par https://, par exemple https://www.caf.fr/"),
    )

    class Meta:
        verbose_name = _("bouton ou lien d'action")
        verbose_name_plural = _("boutons ou liens d'action")

    def __str__(self):
        target = self.target_label()
        return f"{self.text} → {target}" if target else self.text

    def clean(self):
        super().clean()
        chosen = [name for name in self.TARGET_FIELDS if self._target_value(name)]
        if not chosen:
            raise ValidationError(
                _(
                    "Choisissez où mène le lien : une page, une maison, un événement, un rapport, "
                    "un document ou l'adresse d'un autre site."
                )
            )
        if len(chosen) > 1:
            labels = ", ".join(str(self._meta.get_field(name).verbose_name) for name in chosen)
            message = _(
                "Un lien mène à une seule destination ; vous en avez choisi %(count)s (%(labels)s) : "
                "gardez-en une et videz les autres."
            ) % {"count": len(chosen), "labels": labels}
            raise ValidationError({name: message for name in chosen})

    def _target_value(self, name):
        if name == "external_url":
            return self.external_url.strip()
        return getattr(self, f"{name}_id")

    @property
    def target(self):
        """The chosen object, or the external address; None when it is gone."""
        for name in self.TARGET_FIELDS:
            if self._target_value(name):
                return getattr(self, name)
        return None

    def target_label(self):
        target = self.target
        if target is None:
            return ""
        return str(target)

    def target_url(self):
        """Where the link goes for a visitor; empty when nothing published is there."""
        if self.external_url:
            return self.external_url
        if self.page_id:
            return self.page.get_absolute_url("fr") or ""
        if self.house_id:
            return self.house.get_absolute_url()
        if self.event_id:
            return self.event.get_absolute_url()
        if self.report_id:
            report = self.report
            return report.get_absolute_url() if report.status == report.Status.PUBLISHED else ""
        if self.document_id:
            document = self.document
            return document.download_url if document.is_published else ""
        return ""


class Quote(CMSPlugin):
    text = models.TextField(
        _("citation"),
        max_length=1500,
        help_text=_("Les mots cités, sans guillemets : ils sont ajoutés à l'affichage."),
    )
    author = models.CharField(
        _("auteur ou autrice"),
        max_length=150,
        help_text=_("Qui parle, par exemple « Une habitante du quartier des Ors »."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_(
            "Facultatif. D'où vient la citation, par exemple « Rapport d'activités 2018 »."
        ),
    )

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return f"« {preview(self.text, 8)} » ({self.author})"


class Note(CMSPlugin):
    class Kind(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Attention")

    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.INFO)
    title = models.CharField(
        _("titre"),
        max_length=150,
        help_text=_("Ce que la personne doit retenir, par exemple « Fermeture exceptionnelle »."),
    )
    text = models.TextField(
        _("texte"),
        max_length=1500,
        blank=True,
        help_text=_(
            "Facultatif. Pour un lien ou une mise en forme, ajoutez plutôt un bloc de texte "
            "dans l'encadré."
        ),
    )

    class Meta:
        verbose_name = _("encadré")
        verbose_name_plural = _("encadrés")

    def __str__(self):
        return f"{self.get_kind_display()} : {self.title}"


class AgoraBlock(CMSPlugin):
    """The AGORA in public space: its places, its next and past sessions, its method."""

    upcoming_count = models.PositiveSmallIntegerField(
        _("séances à venir montrées"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    past_count = models.PositiveSmallIntegerField(
        _("séances passées montrées"),
        default=6,
        validators=[MaxValueValidator(24)],
        help_text=_("0 : aucune."),
    )
    method_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("la méthode complète"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_published": True, "file__is_public": True},
        help_text=_(
            "Le document qui décrit la méthode (animateurs de séance, « papillons »). "
            "Vide : la page annonce qu'elle arrive bientôt."
        ),
    )

    class Meta:
        verbose_name = _("AGORA : lieux et séances")
        verbose_name_plural = _("AGORA : lieux et séances")

    def __str__(self):
        return str(_("Lieux et séances de l'AGORA"))
