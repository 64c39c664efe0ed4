import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from filer.models import Image
from filer.validation import validate_upload

from coop_site import uploads
from houses.media import has_whole_media_library, upload_folders

from .models import Gallery, GalleryItem
from .services import gallery_images, media_library_form, missing_alt_message, upload_mime_type

#: Both places an alt text may end up in (the media library, a hand-picked item) hold it.
ALT_MAX_LENGTH = min(
    Image._meta.get_field("default_alt_text").max_length,
    GalleryItem._meta.get_field("alt_text").max_length,
)


class MultiplePhotosInput(forms.ClearableFileInput):
    """The file input; static/js/gallery-upload.js adds an alt-text field per chosen photo.

    The fields it adds are named `<name>_alt` (repeated, in file order) and
    `<name>_decorative` (the photo's position, from 0, when ticked).
    """

    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__(
            {
                "accept": "image/jpeg,image/png,image/webp",
                "data-photo-alts": "",
                "data-alt-maxlength": str(ALT_MAX_LENGTH),
                **(attrs or {}),
            }
        )


class PhotosField(forms.FileField):
    """Several photos at once, each checked as the media library would, and read by Pillow."""

    widget = MultiplePhotosInput

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


def not_a_photo(name):
    return ValidationError(
        _("« %(name)s » n'est pas une photo lisible (JPEG, PNG ou WebP).") % {"name": name}
    )


def check_photo(upload, *, user):
    """The site's upload check for an image, then filer's own validators and form."""
    name = upload.name
    mime_type = upload_mime_type(upload)
    if not mime_type.startswith("image/"):
        raise not_a_photo(name)
    try:
        uploads.check_upload(upload, kinds={uploads.IMAGE})
    except ValidationError as error:
        if error.code in {"upload_type_refused", "image_damaged"}:
            raise not_a_photo(name) from error
        raise  # too big, too many pixels, wrong extension: the reason as it is
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
            "Choisissez une ou plusieurs photos (JPEG, PNG ou WebP) : elles rejoignent le "
            "dossier de la galerie dans la médiathèque (un nouveau dossier à son nom si elle n'en "
            "a pas). Donnez à chacune son texte alternatif, sous le bouton une fois les photos "
            "choisies (ou cochez « décorative ») : sans lui, le public ne la voit pas, et la "
            "galerie la signale en mode édition avec un lien pour le saisir."
        ),
    )
    #: The editor who sends the form (set by the plugin's get_form): owner of the photos.
    user = None
    #: The new photos' alt texts, once the form is valid (see clean_new_photos).
    new_photo_alts = ()

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

    def clean_new_photos(self):
        """The photos, and beside them (`self.new_photo_alts`) their alt texts in file order.

        Each is as GalleryImage.alt: the text, "" for a decorative photo, None
        when left empty (the photo then waits, hidden from the public).
        """
        uploads = self.cleaned_data["new_photos"]
        texts = self.posted_list("new_photos_alt")
        decorative = set(self.posted_list("new_photos_decorative"))
        alts, errors = [], []
        for n, upload in enumerate(uploads):
            text = " ".join((texts[n] if n < len(texts) else "").split())
            if str(n) in decorative:
                alts.append("")
            elif len(text) > ALT_MAX_LENGTH:
                errors.append(
                    _(
                        "Le texte alternatif de « %(name)s » a %(length)d caractères : "
                        "raccourcissez-le à %(max)d au plus."
                    )
                    % {"name": upload.name, "length": len(text), "max": ALT_MAX_LENGTH}
                )
            else:
                alts.append(text or None)
        if errors:
            raise ValidationError(errors)
        self.new_photo_alts = alts
        return uploads

    def check_photos_folder(self, folder):
        """The photos go where the media library's own folder permissions let the editor go."""
        if has_whole_media_library(self.user):
            return
        if folder is None:
            self.add_error(
                "new_photos",
                _(
                    "Votre compte ne peut pas créer de dossier dans la médiathèque : choisissez "
                    "d'abord le dossier de la galerie (celui de votre maison), puis les photos."
                ),
            )
        elif not upload_folders(self.user).filter(pk=folder.pk).exists():
            self.add_error(
                "new_photos",
                _(
                    "Votre compte ne peut pas ajouter de photos dans le dossier « %(folder)s » "
                    "de la médiathèque : choisissez le dossier de votre maison, ou demandez "
                    "l'accès à l'administrateur du site."
                )
                % {"folder": folder.name},
            )

    def posted_list(self, name):
        key = self.add_prefix(name)
        return self.data.getlist(key) if hasattr(self.data, "getlist") else []

    def refused_photos(self):
        """After a refused submit: tell that the chosen photos must be chosen again.

        A browser never fills a file input back in; the alt texts typed for them
        are handed to the script, which puts them back when the same files are
        chosen again.
        """
        uploads = self.files.getlist(self.add_prefix("new_photos")) if self.files else []
        if not uploads or not self.is_bound or not self.errors:
            return
        texts = self.posted_list("new_photos_alt")
        typed = {
            upload.name: texts[n].strip()
            for n, upload in enumerate(uploads)
            if n < len(texts) and texts[n].strip()
        }
        field = self.fields["new_photos"]
        field.widget.attrs["data-typed-alts"] = json.dumps(typed, ensure_ascii=False)
        message = _(
            "Les photos choisies (%(names)s) n'ont pas été envoyées, car le formulaire est à "
            "corriger : choisissez-les à nouveau avec « Ajouter des photos », les textes "
            "alternatifs déjà tapés reviendront."
        ) % {"names": ", ".join(f"« {upload.name} »" for upload in uploads)}
        if message not in self.errors.get("new_photos", []):
            self.add_error("new_photos", message)

    def clean(self):
        cleaned = super().clean()
        folder = cleaned.get("folder")
        if cleaned.get("new_photos"):
            self.check_photos_folder(folder)
        if folder is None or "decorative_images" not in self.fields:
            return cleaned
        if cleaned.get("new_photos"):
            # Refusing now would throw the chosen photos away: the gallery is saved,
            # and the images still waiting for a text stay hidden from the public
            # (its edit-mode notice lists them, and a page holding them is not published).
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
