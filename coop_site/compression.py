"""Pages, feeds and JSON sent compressed: brotli where it is safe, else gzip.

- **Which encoding**: `negotiate(request)` is the one answer, also used by the
  page cache (coop_site/page_cache.py) to keep one stored page per encoding.
  Brotli (`br`, about a fifth smaller than gzip on our HTML) when the browser
  accepts it and the `brotli` package is installed, else gzip, else nothing.
- **BREACH**: an attacker who can make a victim's browser send requests and
  watch the compressed sizes can guess a secret the page repeats. Our pages
  hold two kinds of secret: the CSRF token (masked anew on every response by
  Django, which already defeats the attack) and what a signed-in member sees.
  So a response that carries a CSRF token or is made for someone signed in is
  always gzipped by Django's own middleware, which adds its random-length
  padding ("Heal The Breach"); brotli only ever compresses what any anonymous
  visitor gets, which holds no secret.
- **What**: text (HTML, CSS, JavaScript, iCal, RSS, JSON, XML, SVG), at least
  200 bytes, not streamed. Files (PDFs, pictures) are compressed already;
  whitenoise sends static files precompressed (`.br` and `.gz` made by
  `collectstatic`).
"""

import re

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

try:
    import brotli
except ImportError:  # optional: gzip only
    brotli = None

# Fast enough to compress a page as it is rendered (a few milliseconds for
# 50 KB), and most of what brotli gains over gzip; stored pages are
# compressed once per version anyway.
BROTLI_QUALITY = 5
MIN_LENGTH = 200
COMPRESSIBLE = re.compile(
    r"^(text/|application/(json|xml|javascript|rss\+xml|atom\+xml|ld\+json)|image/svg\+xml)"
)
_ACCEPTS = re.compile(r"(?:^|,)\s*(br|gzip)\s*(?:;\s*q\s*=\s*([0-9.]+))?", re.IGNORECASE)


def _accepted(request):
    """The encodings among br and gzip that the request accepts (a q of 0 refuses)."""
    found = _ACCEPTS.findall(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    return {name.lower() for name, quality in found if not quality or float(quality) > 0}


def negotiate(request):
    """ "br", "gzip" or "" for this request: brotli first, where it is installed."""
    accepted = _accepted(request)
    if brotli is not None and "br" in accepted:
        return "br"
    return "gzip" if "gzip" in accepted else ""


def _carries_a_secret(request):
    user = getattr(request, "user", None)
    # CSRF_COOKIE: the token's secret, there once the request or the page used it.
    return "CSRF_COOKIE" in request.META or bool(user is not None and user.is_authenticated)


class CompressionMiddleware(GZipMiddleware):
    """Put it right after the page cache, so that stored pages are stored compressed."""

    def process_response(self, request, response):
        if (
            response.streaming
            or response.has_header("Content-Encoding")
            or len(response.content) < MIN_LENGTH
            or not COMPRESSIBLE.match(response.get("Content-Type", ""))
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        encoding = negotiate(request)
        if encoding == "br" and _carries_a_secret(request):
            encoding = "gzip" if "gzip" in _accepted(request) else ""
        if encoding == "gzip":  # Django's, with its random padding
            return super().process_response(request, response)
        if encoding != "br":
            return response
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        response["Content-Encoding"] = "br"
        return response
