"""What a gallery shows, and whether it may be published."""

import mimetypes
from dataclasses import dataclass

from cms.models import CMSPlugin, Placeholder
from django.forms import modelform_factory
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from filer import settings as filer_settings
from filer.models import Folder, Image

from coop_site.formatting import french_date
from coop_site.images import filer_text

from .images import SLIDE_WIDTHS, THUMBNAIL_WIDTHS, picture
from .models import Gallery, GalleryItem

FIRST_ROW = 3
GALLERY_PLUGIN_TYPES = ("GalleryPlugin", "SlideshowPlugin")

FOLDER_ORDERINGS = {
    Gallery.FolderOrder.FILENAME: ("original_filename", "pk"),
    Gallery.FolderOrder.NEWEST: ("-uploaded_at", "-pk"),
    Gallery.FolderOrder.OLDEST: ("uploaded_at", "pk"),
    Gallery.FolderOrder.TAKEN: ("date_taken", "original_filename", "pk"),
}


@dataclass
class GalleryImage:
    image: Image
    alt: str | None  # None: neither alt text nor "decorative", not shown to the public
    caption: str
    credit: str

    from_folder: bool = False

    @property
    def label(self):
        return self.image.original_filename or self.image.label

    @property
    def fix_url(self):
        """Where an editor types the missing alt text: the media library, for a folder image."""
        return reverse("admin:filer_image_change", args=[self.image.pk]) if self.from_folder else ""


def gallery_images(gallery, *, decorative_ids=None):
    """Every image of the gallery in display order, with its texts.

    `decorative_ids` replaces the saved choice of decorative folder images
    (a form checks its unsaved choice with it).
    """
    if gallery.folder_id:
        if decorative_ids is None:
            decorative_ids = {image.pk for image in gallery.decorative_images.all()}
        # A file kept private in the media library never reaches a public page.
        images = Image.objects.filter(folder_id=gallery.folder_id, is_public=True).order_by(
            *FOLDER_ORDERINGS.get(gallery.folder_order, FOLDER_ORDERINGS["filename"])
        )
        return [
            GalleryImage(
                image=image,
                alt=""
                if image.pk in decorative_ids
                else (filer_text(image.default_alt_text) or None),
                caption=filer_text(image.default_caption),
                credit=filer_text(image.author),
                from_folder=True,
            )
            for image in images
        ]
    return [
        GalleryImage(
            image=item.image,
            alt="" if item.is_decorative else (item.alt_text.strip() or None),
            caption=item.caption,
            credit=item.credit,
        )
        for item in gallery.items.select_related("image").all()
        if item.image is not None and item.image.is_public
    ]


def gallery_slides(gallery, *, slideshow=False):
    """(shown, hidden): the images the public sees with their renditions, and those held back."""
    shown, hidden = [], []
    for entry in gallery_images(gallery):
        if entry.alt is None:
            hidden.append(entry)
            continue
        # The first row (a slideshow's first slide) loads at once; later ones wait until needed.
        entry.lazy = len(shown) >= (1 if slideshow else FIRST_ROW)
        if slideshow:
            entry.picture = picture(entry.image, widths=SLIDE_WIDTHS, ratio=16 / 7)
        else:
            entry.picture = picture(entry.image, widths=THUMBNAIL_WIDTHS, ratio=3 / 2)
        shown.append(entry)
    return shown, hidden


def missing_alt_message(gallery, entries):
    names = ", ".join(f"« {entry.label} »" for entry in entries)
    return _(
        "La galerie « %(gallery)s » contient des images sans texte alternatif : %(names)s. "
        "Donnez-leur un texte alternatif ou marquez-les comme décoratives."
    ) % {"gallery": gallery, "names": names}


def gallery_publication_errors(content):
    """French messages for each gallery of a versioned content that must not go public."""
    placeholders = Placeholder.objects.get_for_obj(content)
    plugin_ids = CMSPlugin.objects.filter(
        placeholder__in=placeholders, plugin_type__in=GALLERY_PLUGIN_TYPES
    ).values_list("pk", flat=True)
    errors = []
    for gallery in Gallery.objects.filter(pk__in=list(plugin_ids)).prefetch_related(
        "decorative_images"
    ):
        missing = [entry for entry in gallery_images(gallery) if entry.alt is None]
        if missing:
            errors.append(missing_alt_message(gallery, missing))
    return errors


def upload_mime_type(upload):
    # Like filer: from the file's name, never from what the browser claims.
    return mimetypes.guess_type(upload.name)[0] or "application/octet-stream"


def media_library_form(upload, *, user):
    """filer's own upload form: original file name, owner, file."""
    form_class = modelform_factory(Image, fields=("original_filename", "owner", "file"))
    return form_class(
        {"original_filename": upload.name, "owner": user.pk if user else None}, {"file": upload}
    )


def new_gallery_folder(*, gallery, user):
    """A media-library folder named after the gallery, at the library's root."""
    base = gallery.title.strip() or _("Galerie photo du %(date)s") % {
        "date": french_date(timezone.localdate(), "j F Y")
    }
    name, n = base, 1
    while Folder.objects.filter(parent=None, name=name).exists():
        n += 1
        name = f"{base} ({n})"
    return Folder.objects.create(name=name, owner=user)


def add_gallery_photos(*, gallery, files, user, alts=()):
    """Put uploaded photos in the media library, as its own uploader does, then in the gallery.

    They go into the gallery's folder; a gallery of hand-picked images gets
    them as new items; an empty gallery gets a new folder named after it.
    `alts` gives, in file order, each photo's alt text as GalleryImage.alt
    does: a text, "" for a decorative photo, None when the editor left it
    (the gallery then holds the photo back from the public and says so in
    edit mode until it is typed).
    """
    if not files:
        return []
    alts = list(alts)[: len(files)]
    alts += [None] * (len(files) - len(alts))
    hand_picked = gallery.folder_id is None and gallery.items.exists()
    if gallery.folder_id is None and not hand_picked:
        gallery.folder = new_gallery_folder(gallery=gallery, user=user)
        # Only the folder changes: no second save of the whole plugin.
        Gallery.objects.filter(pk=gallery.pk).update(folder=gallery.folder)
    folder = gallery.folder
    if hand_picked:
        folder = new_gallery_folder(gallery=gallery, user=user)
    images = []
    for upload, alt in zip(files, alts, strict=True):
        # As filer's ajax_upload creates a file (forms.PhotosField checked it first).
        image = media_library_form(upload, user=user).save(commit=False)
        image.mime_type = upload_mime_type(upload)
        image.is_public = filer_settings.FILER_IS_PUBLIC_DEFAULT
        image.folder = folder
        # The media library keeps the text too: the photo is described wherever it is reused.
        image.default_alt_text = alt or None
        image.save()
        images.append(image)
    if hand_picked:
        last = gallery.items.order_by("-position").values_list("position", flat=True).first() or 0
        for n, (image, alt) in enumerate(zip(images, alts, strict=True), start=1):
            GalleryItem.objects.create(
                gallery=gallery,
                image=image,
                position=last + n,
                alt_text=alt or "",
                is_decorative=alt == "",
            )
    else:
        gallery.decorative_images.add(
            *(i for i, alt in zip(images, alts, strict=True) if alt == "")
        )
    return images
