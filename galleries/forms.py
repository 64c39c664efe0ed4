from django import forms
from django.utils.translation import gettext as _
from filer.models import Image

from .models import Gallery
from .services import gallery_images, missing_alt_message


class GalleryForm(forms.ModelForm):
    class Meta:
        model = Gallery
        fields = ["title", "folder", "folder_order", "decorative_images", "interval_seconds"]
        widgets = {"decorative_images": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
