"""Responsive renditions of filer images through easy-thumbnails.

One place decides the widths sent to browsers so that phones never receive
an original, and a missing file degrades to a placeholder instead of a 500.
"""

import hashlib
import logging

from django.core.cache import cache
from django.core.files.images import get_image_dimensions
from easy_thumbnails.exceptions import EasyThumbnailsError
from easy_thumbnails.files import get_thumbnailer

logger = logging.getLogger(__name__)

WIDTHS = (480, 800, 1200)
# What a rendition is (its address and size) never changes for one file and
# one set of options: easy-thumbnails would look it up in the database on
# every page (two queries per width and format), so the answer is kept in the
# shared cache. The lifetime only bounds the space.
RENDITIONS_LIFETIME = 30 * 24 * 3600
RENDITIONS_KEY = "coop:renditions:{digest}"


def remembered_renditions(image, variant, compute):
    """`compute()` once per image file and `variant` (every server shares it), then from the cache.

    The key holds the file's name, its SHA-1 and its focal point: another
    file, or a new focal point, is another key. An empty answer (a file
    gone or unreadable) is not kept, so that a restored file shows again.
    """
    identity = "|".join(
        str(part)
        for part in (image.file.name, image.sha1, getattr(image, "subject_location", ""), variant)
    )
    key = RENDITIONS_KEY.format(digest=hashlib.sha256(identity.encode()).hexdigest())
    found = cache.get(key)
    if found is None:
        found = compute()
        if found:
            cache.set(key, found, RENDITIONS_LIFETIME)
    return found


def rendition(thumbnailer, options):
    """(url, width, height) of one thumbnail, made if missing.

    easy-thumbnails would ask the database for each thumbnail's size (one
    query per rendition, and it keeps no sizes with our settings): the size
    is read from the image file's header instead, which never queries.
    """
    thumb = thumbnailer.get_thumbnail(options)
    with thumb.storage.open(thumb.name) as file:
        width, height = get_image_dimensions(file)
    return thumb.url, width, height


def filer_text(value):
    """A filer text field as a clean string.

    filer's texts (alt text, caption, author, description...) are nullable and
    its uploader leaves them None, so string methods on them raise.
    """
    return (value or "").strip()


def renditions(image, widths=WIDTHS, *, webp=False):
    """[(url, width, height)] for each width not larger than the original.

    webp=True renders WebP (for a <picture>'s <source>); otherwise the
    source's format is kept for PNG and WebP, JPEG for the rest
    (THUMBNAIL_PRESERVE_EXTENSIONS).
    """
    if image is None or not image.file:
        return []
    return remembered_renditions(
        image, ("renditions", tuple(widths), webp), lambda: _renditions(image, widths, webp)
    )


def _renditions(image, widths, webp):
    try:
        original_width = image.width or max(widths)
        wanted = [w for w in widths if w < original_width] or [original_width]
        if original_width < max(widths) and original_width not in wanted:
            wanted.append(original_width)
        thumbnailer = get_thumbnailer(image.file, relative_name=image.file.name)
        # A filer file is its own thumbnailer: WebP for this call only, then
        # the site-wide settings again (galleries/images.py does the same).
        saved = thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions
        if webp:
            thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions = "webp", ()
        try:
            result = []
            for width in sorted(set(wanted)):
                result.append(rendition(thumbnailer, {"size": (width, 0), "upscale": False}))
        finally:
            thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions = saved
        return result
    # In debug mode easy-thumbnails raises its base error for a vanished file.
    except (OSError, EasyThumbnailsError, ValueError):
        logger.warning("Image introuvable ou illisible : %s", getattr(image, "pk", None))
        return []
