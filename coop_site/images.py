"""Responsive renditions of filer images through easy-thumbnails.

One place decides the widths sent to browsers so that phones never receive
an original, and a missing file degrades to a placeholder instead of a 500.
"""

import logging

from easy_thumbnails.exceptions import EasyThumbnailsError
from easy_thumbnails.files import get_thumbnailer

logger = logging.getLogger(__name__)

WIDTHS = (480, 800, 1200)


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
                thumb = thumbnailer.get_thumbnail({"size": (width, 0), "upscale": False})
                result.append((thumb.url, thumb.width, thumb.height))
        finally:
            thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions = saved
        return result
    # In debug mode easy-thumbnails raises its base error for a vanished file.
    except (OSError, EasyThumbnailsError, ValueError):
        logger.warning("Image introuvable ou illisible : %s", getattr(image, "pk", None))
        return []
