from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The groups of the results page, in their order."""

    PAGES = "pages", _("Pages")
    HOUSES = "maisons", _("Maisons")
    ACTIVITIES = "activites", _("Activités")
    EVENTS = "agenda", _("Agenda")
    NEWS = "actualites", _("Actualités")
    RADIO = "radio", _("Radio")
    DOCUMENTS = "documents", _("Documents et rapports")


class SearchEntry(models.Model):
    """One public thing a visitor can find: its text, where it lives, what it is.

    Written only by search.indexing from what the apps declare in their
    search_index.py; never edited by hand.
    """

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    key = models.CharField(_("objet"), max_length=80, unique=True)
    title = models.CharField(_("titre"), max_length=255)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("adresse"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    visible_from = models.DateField(
        _("visible à partir du"),
        null=True,
        blank=True,
        help_text=_("Vide : visible dès maintenant."),
    )
    # Lowercase, without accents: what SQLite searches (PostgreSQL uses search_vector).
    folded_title = models.TextField(blank=True, editable=False)
    folded_body = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(_("indexé le"), auto_now=True)

    class Meta:
        verbose_name = _("entrée de la recherche")
        verbose_name_plural = _("entrées de la recherche")
        ordering = ["kind", "title"]

    def __str__(self):
        return self.title
