from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField

from coop_site import audio, uploads
from coop_site.apphooks import reverse_or_empty
from coop_site.uploads import is_stored
from houses.models import House


class EpisodeQuerySet(models.QuerySet):
    def published(self):
        """What visitors may hear: published, and not dated in the future (as the news)."""
        return self.filter(status=Episode.Status.PUBLISHED, published_on__lte=timezone.localdate())

    def for_house(self, house):
        return self.filter(houses=house)

    def for_cards(self):
        return self.select_related("audio").prefetch_related("houses")


class Episode(models.Model):
    """One broadcast of the weekly radio show of the houses, with its sound and its words."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        PUBLISHED = "published", _("Publiée")

    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(
        _("adresse web"),
        max_length=100,
        unique=True,
        help_text=_("Dernière partie de l'adresse de l'émission, sans accents ni espaces."),
    )
    published_on = models.DateField(
        _("date de l'émission"),
        default=timezone.localdate,
        help_text=_(
            "Date affichée et utilisée pour le classement. "
            "Une émission datée dans le futur n'apparaît qu'à cette date."
        ),
    )
    houses = models.ManyToManyField(
        House,
        verbose_name=_("maisons concernées"),
        related_name="radio_episodes",
        blank=True,
        help_text=_("L'émission apparaît aussi sur la page de chacune de ces maisons."),
    )
    guests = models.CharField(
        _("invité·es"),
        max_length=255,
        blank=True,
        help_text=_("Les personnes invitées, par exemple « Fatima et Louis, bénévoles »."),
    )
    description = models.TextField(
        _("présentation"),
        max_length=1000,
        help_text=_(
            "Deux ou trois phrases : de quoi parle l'émission. Affichées dans la liste, "
            "sur la page de l'émission et dans les applications de podcast."
        ),
    )
    audio = FilerFileField(
        verbose_name=_("son de l'émission"),
        on_delete=models.PROTECT,
        related_name="radio_episodes",
        help_text=_(
            "Un son MP3 ou Ogg de la médiathèque, public (case « Permissions désactivées » "
            "cochée). Sa durée est lue dans le fichier."
        ),
    )
    duration = models.PositiveIntegerField(
        _("durée (secondes)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lue dans le fichier son."),
    )
    transcript = models.TextField(
        _("transcription"),
        blank=True,
        help_text=_(
            "Le texte de ce qui est dit, montré sous le lecteur : pour les personnes sourdes "
            "ou malentendantes. Obligatoire pour publier l'émission."
        ),
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
    is_sample = models.BooleanField(
        _("exemple"),
        default=False,
        help_text=_("Émission de démonstration : elle est signalée comme exemple sur le site."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = EpisodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("émission de radio")
        verbose_name_plural = _("émissions de radio")
        ordering = ["-published_on", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_or_empty("radio:detail", slug=self.slug)

    def clean(self):
        super().clean()
        errors = {}
        if self.audio_id:
            try:
                self.read_audio()
            except ValidationError as error:
                errors["audio"] = error.messages
        if self.status == self.Status.PUBLISHED and not self.transcript.strip():
            errors["transcript"] = [
                audio.transcript_missing(),
                _("L'émission ne peut pas être publiée sans elle."),
            ]
        if errors:
            raise ValidationError(errors)

    def read_audio(self):
        """Check the chosen file by its content (a sound, with frames) and read its duration.

        A file of the media library was checked when it was sent; one sent before
        the checks existed, or renamed since, is judged here again by its bytes.
        """
        file = self.audio
        if not file.is_public:
            raise ValidationError(audio.private_file(), code="audio_private")
        name = file.original_filename or file.file.name
        if not is_stored(file.file):
            raise ValidationError(
                _("Le fichier « %(name)s » est introuvable dans la médiathèque.") % {"name": name},
                code="audio_missing",
            )
        with file.file.open("rb") as handle:
            data = handle.read(uploads.max_size(uploads.AUDIO) + 1)
        checked = uploads.check_bytes(data, name, kinds={uploads.AUDIO})
        self.duration = audio.read_sound(data, checked.key, checked.name).duration

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_on <= timezone.localdate()

    @property
    def audio_url(self):
        """The sound's URL; empty when its file is gone from storage (never a dead link)."""
        if not self.audio_id or not is_stored(self.audio.file):
            return ""
        return self.audio.url

    @property
    def audio_type(self):
        return self.audio.mime_type if self.audio_id else ""

    @property
    def audio_size(self):
        return self.audio.size if self.audio_id else 0
