"""Gallery renditions: WebP for browsers that take it, JPEG (or PNG) otherwise.

coop_site.images serves single figures in the source's format; a gallery
sends many pictures at once, so it also offers WebP and crops thumbnails to
one shape so that the grid stays regular. Originals are never sent: even
the "large" version is a re-encoded rendition.
"""

import logging
from dataclasses import dataclass

from easy_thumbnails.exceptions import EasyThumbnailsError, InvalidImageFormatError
from easy_thumbnails.files import get_thumbnailer

from coop_site.images import remembered_renditions, rendition

logger = logging.getLogger(__name__)

THUMBNAIL_WIDTHS = (320, 480, 720)
# 1120: a slide in the 72rem container (70rem of content) on a desktop screen.
SLIDE_WIDTHS = (480, 800, 1120, 1440)
LARGE_WIDTH = 1600


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    webp: list
    fallback: list
    large: Rendition
    large_webp: Rendition

    @property
    def src(self):
        """The middle fallback rendition: the `src` and the dimensions of the <img>."""
        return self.fallback[len(self.fallback) // 2]

    @property
    def webp_srcset(self):
        return _srcset(self.webp)

    @property
    def fallback_srcset(self):
        return _srcset(self.fallback)


def _srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def _render(image, width, ratio, *, webp):
    # A filer file is its own thumbnailer: set the output format for this
    # call only, then put back the site-wide settings for other renderers.
    thumbnailer = get_thumbnailer(image.file, relative_name=image.file.name)
    saved = thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions
    if webp:
        thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions = "webp", ()
    else:
        # PNG stays PNG (transparency), everything else becomes JPEG.
        thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions = "jpg", ("png",)
    options = {"size": (width, round(width / ratio) if ratio else 0), "upscale": False}
    if ratio:
        options["crop"] = True
        options["subject_location"] = image.subject_location or ""
    try:
        return Rendition(*rendition(thumbnailer, options))
    finally:
        thumbnailer.thumbnail_extension, thumbnailer.thumbnail_preserve_extensions = saved


def picture(image, *, widths=THUMBNAIL_WIDTHS, ratio=3 / 2):
    """The renditions of one filer image, or None when its file is gone or unreadable."""
    if image is None or not image.file:
        return None
    return remembered_renditions(
        image, ("picture", tuple(widths), ratio), lambda: _picture(image, widths, ratio)
    )


def _picture(image, widths, ratio):
    try:
        original_width = image.width or max(widths)
        wanted = sorted({min(w, original_width) for w in widths})
        large_width = min(LARGE_WIDTH, original_width)
        return Picture(
            webp=[_render(image, w, ratio, webp=True) for w in wanted],
            fallback=[_render(image, w, ratio, webp=False) for w in wanted],
            large=_render(image, large_width, None, webp=False),
            large_webp=_render(image, large_width, None, webp=True),
        )
    except (OSError, InvalidImageFormatError, EasyThumbnailsError, ValueError):
        logger.warning("Image de galerie introuvable ou illisible : %s", image.pk)
        return None
