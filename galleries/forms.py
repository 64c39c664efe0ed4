from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from filer.models import Image
from filer.validation import validate_upload
from PIL import Image as PILImage

from .models import Gallery
from .services import gallery_images, media_library_form, missing_alt_message, upload_mime_type

PHOTO_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


class MultiplePhotosInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos at once, each checked as the media library would, and read by Pillow."""

    widget = MultiplePhotosInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"})

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if uploads and not (self.user and self.user.has_perm("filer.add_file")):
            raise ValidationError(
                _(
                    "Votre compte ne peut pas ajouter de fichiers à la médiathèque : demandez-le à "
                    "l'administrateur du site."
                )
            )
        errors = []
        for upload in uploads:
            try:
                super().clean(upload, initial)
                check_photo(upload, user=self.user)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return uploads


def check_photo(upload, *, user):
    name = upload.name
    mime_type = upload_mime_type(upload)
    not_a_photo = ValidationError(
        _("« %(name)s » n'est pas une photo lisible (JPEG, PNG, GIF ou WebP).") % {"name": name}
    )
    if not mime_type.startswith("image/"):
        raise not_a_photo
    try:
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture.verify()
            if picture.format not in PHOTO_FORMATS:
                raise not_a_photo
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds for a non-image or a bomb
        raise not_a_photo from error
    finally:
        upload.seek(0)
    try:
        validate_upload(name, upload, user, mime_type)
    except ValidationError as error:
        raise ValidationError(
            _("« %(name)s » est refusée par la médiathèque : %(reason)s")
            % {"name": name, "reason": " ".join(error.messages)}
        ) from error
    finally:
        upload.seek(0)
    form = media_library_form(upload, user=user)
    if not form.is_valid():
        reasons = " ".join(m for messages in form.errors.values() for m in messages)
        raise ValidationError(
            _("« %(name)s » est refusée par la médiathèque : %(reason)s")
            % {"name": name, "reason": reasons}
        )
    upload.seek(0)


class GalleryForm(forms.ModelForm):
    new_photos = PhotosField(
        label=gettext_lazy("Ajouter des photos"),
        label_suffix="",
        required=False,
        help_text=gettext_lazy(
            "Choisissez une ou plusieurs photos (JPEG, PNG, GIF ou WebP) : elles rejoignent le "
            "dossier de la galerie dans la médiathèque (un nouveau dossier à son nom si elle n'en "
            "a pas). Donnez ensuite à chacune un texte alternatif : d'ici là, le public ne la "
            "voit pas."
        ),
    )
    #: The editor who sends the form (set by the plugin's get_form): owner of the photos.
    user = None

    class Meta:
        model = Gallery
        fields = ["title", "folder", "folder_order", "decorative_images", "interval_seconds"]
        widgets = {"decorative_images": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_photos"].user = self.user
        field = self.fields.get("decorative_images")
        if field is not None:
            # Offer only the images of the chosen folder (the posted one after an error).
            folder_id = str(
                self.data.get(self.add_prefix("folder")) or self.instance.folder_id or ""
            )
            field.queryset = Image.objects.filter(
                folder_id=int(folder_id) if folder_id.isdigit() else None
            ).order_by("original_filename")
            field.label_from_instance = lambda image: image.original_filename or image.label

    def clean(self):
        cleaned = super().clean()
        folder = cleaned.get("folder")
        if folder is None or "decorative_images" not in self.fields:
            return cleaned
        probe = Gallery(title=cleaned.get("title", ""), folder=folder)
        decorative_ids = {image.pk for image in cleaned.get("decorative_images") or []}
        missing = [
            entry
            for entry in gallery_images(probe, decorative_ids=decorative_ids)
            if entry.alt is None
        ]
        if missing:
            self.add_error(
                "decorative_images",
                missing_alt_message(probe, missing)
                + " "
                + _("Ajoutez le texte dans la médiathèque, ou cochez-les ici comme décoratives."),
            )
        return cleaned
