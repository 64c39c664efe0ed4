from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField
from filer.fields.folder import FilerFolderField
from filer.fields.image import FilerImageField
from filer.models import Image

from coop_site import audio
from coop_site.models import AltTextMixin


class Gallery(CMSPlugin):
    """A set of images shown as a grid with a lightbox, or as a slideshow.

    The images come from a media-library folder (new files appear by
    themselves) or, when no folder is chosen, from the hand-picked items.
    """

    class FolderOrder(models.TextChoices):
        FILENAME = "filename", _("Par nom de fichier")
        NEWEST = "newest", _("Les plus récentes d'abord")
        OLDEST = "oldest", _("Les plus anciennes d'abord")
        TAKEN = "taken", _("Par date de prise de vue")

    title = models.CharField(
        _("titre"),
        max_length=120,
        blank=True,
        help_text=_("Facultatif : affiché au-dessus des images, comme un intertitre."),
    )
    folder = FilerFolderField(
        verbose_name=_("dossier de la médiathèque"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Choisissez un dossier : toutes ses images sont montrées, y compris celles que "
            "vous y ajouterez plus tard. Laissez vide pour choisir les images une à une "
            "plus bas."
        ),
    )
    folder_order = models.CharField(
        _("ordre des images du dossier"),
        max_length=10,
        choices=FolderOrder.choices,
        default=FolderOrder.FILENAME,
    )
    decorative_images = models.ManyToManyField(
        Image,
        verbose_name=_("images décoratives du dossier"),
        blank=True,
        related_name="+",
        help_text=_(
            "Les images du dossier prennent le texte alternatif saisi dans la médiathèque. "
            "Cochez ici celles qui n'apportent aucune information (elles seront ignorées "
            "par les lecteurs d'écran)."
        ),
    )
    interval_seconds = models.PositiveSmallIntegerField(
        _("durée d'affichage de chaque image (secondes)"),
        default=6,
        help_text=_("Diaporama seulement. Le défilement s'arrête si le visiteur le demande."),
    )

    class Meta:
        verbose_name = _("galerie photo")
        verbose_name_plural = _("galeries photo")

    def __str__(self):
        return self.title or str(_("Galerie photo"))

    def copy_relations(self, oldinstance):
        # A new draft copies plugins; the items and choices must follow.
        self.decorative_images.set(oldinstance.decorative_images.all())
        for item in oldinstance.items.all():
            item.pk = None
            item.gallery = self
            item.save()


class GalleryItem(AltTextMixin):
    """One hand-picked image of a gallery, with its own texts."""

    gallery = models.ForeignKey(
        Gallery, on_delete=models.CASCADE, related_name="items", verbose_name=_("galerie")
    )
    image = FilerImageField(
        verbose_name=_("image"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    caption = models.CharField(_("légende"), max_length=255, blank=True)
    credit = models.CharField(_("crédit"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Les plus petits nombres s'affichent d'abord.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("image de la galerie")
        verbose_name_plural = _("images de la galerie")

    def __str__(self):
        return self.caption or self.alt_text or str(_("Image"))


class MediaBlock(CMSPlugin):
    """A video or a sound from the media library, played by the browser, never without its words.

    A video needs its subtitles (a WebVTT file) or a transcript; a sound, a
    transcript: whoever cannot hear it still gets what it says.
    """

    title = models.CharField(
        _("titre"),
        max_length=160,
        help_text=_(
            "Dit ce que l'on va voir ou entendre, par exemple « L'AGORA place Jules-Nadi »."
        ),
    )
    media = FilerFileField(
        verbose_name=_("vidéo ou son"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Un fichier public de la médiathèque : vidéo MP4 ou WebM, son MP3 ou Ogg."),
    )
    captions = FilerFileField(
        verbose_name=_("sous-titres"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Pour une vidéo : un fichier de sous-titres WebVTT (.vtt), en français."),
    )
    transcript = models.TextField(
        _("transcription"),
        blank=True,
        help_text=_("Le texte de ce qui est dit (et montré), proposé sous le lecteur."),
    )

    class Meta:
        verbose_name = _("vidéo ou son")
        verbose_name_plural = _("vidéos et sons")

    def __str__(self):
        return self.title

    @property
    def is_video(self):
        return bool(self.media_id) and self.media.mime_type.startswith("video/")

    def clean(self):
        super().clean()
        errors = {}
        if self.media_id:
            if not self.media.mime_type.startswith(("video/", "audio/")):
                errors["media"] = _("Choisissez une vidéo (MP4, WebM) ou un son (MP3, Ogg).")
            elif not self.media.is_public:
                errors["media"] = audio.private_file()
        if self.captions_id and self.captions.mime_type != "text/vtt":
            errors["captions"] = _("Les sous-titres sont un fichier WebVTT (.vtt).")
        if self.media_id and not self.transcript.strip():
            if self.is_video and not self.captions_id:
                errors["transcript"] = _(
                    "Ajoutez des sous-titres ou une transcription : sans eux, une personne "
                    "sourde ou malentendante ne sait pas ce que dit la vidéo."
                )
            elif not self.is_video:
                errors["transcript"] = audio.transcript_missing()
        if errors:
            raise ValidationError(errors)
