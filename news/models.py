from cms.models.fields import PlaceholderRelationField
from cms.utils.placeholder import get_placeholder_from_slot
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from filer.fields.image import FilerImageField

from coop_site.apphooks import reverse_or_empty
from coop_site.models import AltTextMixin, CardsBlock
from houses.models import House


class Category(models.Model):
    """A kind of news item (vie des maisons, projet commun, appel à bénévoles...)."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(
        _("adresse web"), max_length=80, unique=True, help_text=_("Utilisée dans le filtre.")
    )
    order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    class Meta:
        verbose_name = _("catégorie d'actualité")
        verbose_name_plural = _("catégories d'actualité")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        """What visitors may see: published, and not dated in the future."""
        return self.filter(status=NewsItem.Status.PUBLISHED, published_on__lte=timezone.localdate())

    def for_house(self, house):
        return self.filter(houses=house)

    def for_category(self, category):
        return self.filter(category=category)

    def for_cards(self):
        return self.select_related("image", "category").prefetch_related("houses")


class NewsItem(AltTextMixin, models.Model):
    """A news item ("Focus"): a dated story of the Coopération or of some houses."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        PUBLISHED = "published", _("Publiée")

    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(
        _("adresse web"),
        max_length=100,
        unique=True,
        help_text=_("Dernière partie de l'adresse de l'actualité, sans accents ni espaces."),
    )
    published_on = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        help_text=_(
            "Date affichée et utilisée pour le classement. "
            "Une actualité datée dans le futur n'apparaît qu'à cette date."
        ),
    )
    teaser = models.TextField(
        _("chapô"),
        max_length=400,
        help_text=_(
            "Deux ou trois phrases qui résument l'actualité : elles s'affichent dans la liste, "
            "sur l'accueil et dans le flux RSS."
        ),
    )
    image = FilerImageField(
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        help_text=_("Illustration montrée dans la liste et en tête de l'actualité."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("catégorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )
    houses = models.ManyToManyField(
        House,
        verbose_name=_("maisons concernées"),
        related_name="news_items",
        blank=True,
        help_text=_("L'actualité apparaît aussi sur la page de chacune de ces maisons."),
    )
    status = models.CharField(
        _("état"),
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Un brouillon n'est visible que par l'équipe (aperçu). "
            "Choisissez « Publiée » pour le montrer au public."
        ),
    )
    placeholders = PlaceholderRelationField(verbose_name=_("zones de contenu"))
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
        ordering = ["-published_on", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_or_empty("news:detail", slug=self.slug)

    def clean(self):
        # Alt text matters only when there is an image to describe.
        if self.image_id:
            super().clean()

    @cached_property
    def body(self):
        """The placeholder holding the item's body (text, images, galleries...)."""
        # The "content" slot: named "Contenu principal" and open to every plugin (settings).
        return get_placeholder_from_slot(self.placeholders, "content")

    def get_template(self):
        # The CMS renders and edits the body placeholder inside this template.
        return "news/newsitem_detail.html"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_on <= timezone.localdate()


class NewsCardsBlock(CardsBlock):
    """News cards: the latest news (of a house, of a category), or news chosen one by one."""

    house = models.ForeignKey(
        House,
        verbose_name=_("maison"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Règle : les dernières actualités de cette maison (vide : de toutes)."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("catégorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Règle : seulement cette catégorie (vide : toutes)."),
    )
    chosen = models.ManyToManyField(
        NewsItem,
        verbose_name=_("actualités choisies une à une"),
        blank=True,
        related_name="+",
        help_text=_("Facultatif : ces actualités à la place de la règle."),
    )

    class Meta:
        verbose_name = _("cartes d'actualités")
        verbose_name_plural = _("cartes d'actualités")

    def visible(self, queryset):
        return queryset.published().for_cards().order_by("-published_on", "-pk")

    def rule(self):
        news = NewsItem.objects.all()
        if self.house_id:
            news = news.for_house(self.house)
        if self.category_id:
            news = news.for_category(self.category)
        return news
