"""Whole pages for anonymous visitors, answered from the shared cache before most of the middleware.

- **Served from the cache**: GET and HEAD requests that carry no cookie and no
  `Authorization` header (a visitor reading the site). Anyone signed in sends
  a session cookie, so staff always get a page rendered for them.
- **Stored**: a 200 answer to such a request that sets no cookie and does not
  say `private` or `no-store`, with the site's current *version*; it is
  served only while that version is current.
- **Fresh everywhere at once**: the version is one number in the shared cache
  (Redis, or the file cache every process of the machine shares). Saving or
  deleting anything, outside the bookkeeping models listed below, bumps it:
  every server renders every page anew at its next request. With Redis, each
  process also keeps the pages it served last and hears of each new version
  from Redis itself (coop_site/page_cache_local.py): no round trip at all.
- **On time**: a stored page lives until the next moment something it may
  show changes by itself: midnight (dates: news, reports, closures, months)
  and what the apps declare with `register_next_change` (an event that ends,
  a house that opens or closes). That moment is computed once per version.
- **Revisits**: every stored page has an `ETag`; a browser that sends it back
  gets a 304 without a body.
"""

import contextlib
import datetime
import hashlib
import itertools
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control

from coop_site import page_cache_local
from coop_site.commit import once_on_commit
from coop_site.compression import negotiate

VERSION_KEY = "coop:page-cache:version"
NEXT_CHANGE_KEY = "coop:page-cache:next-change:{version}"
# One entry per address and encoding, holding the version it was rendered
# under and the moment its lifetime ends: the version and the page come back
# in one read of the cache (one round trip to Redis), and a new version's page
# replaces the old one.
PAGE_KEY = "coop:page-cache:entry:{digest}"
# Saving these changes nothing a visitor sees (sessions, logs, thumbnails and
# menu cache keys made while a page renders, the search index rebuilt from what
# was saved, the CMS's URL revision, a member's own CMS settings): they never
# bump the version.
BOOKKEEPING_APPS = {
    "sessions", "admin", "axes", "contenttypes", "easy_thumbnails", "menus", "search",
    "subscriptions",  # who follows a house by e-mail: shown to nobody on the site
}  # fmt: skip
BOOKKEEPING_MODELS = {
    "cms.usersettings", "cms.pageuser", "cms.pageusergroup", "cms.urlconfrevision", "auth.user",
}  # fmt: skip
# What a page may say about itself to browsers and proxies: revalidate each
# time (the ETag makes it cheap), so a save is seen at the next request.
BROWSER_MAX_AGE = 0
_next_change_providers = []
_counter = itertools.count()


def register_next_change(provider):
    """`provider(now)` gives the next moment something it shows changes by itself, or None."""
    _next_change_providers.append(provider)
    return provider


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # A new or flushed cache: a version no earlier server can have used.
        version = f"{time.time_ns()}"
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def per_version(name, build, timeout=24 * 3600):
    """`build()`, kept in the shared cache for the current version of the site.

    For what every page shows and only a save changes (the footer's houses, the
    shared contents): read once per version by every server, never stale, since
    every save makes a new version. `build()` must not return None.
    """
    key = f"coop:{name}:{current_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def bump_version(**_ignored):
    """Every stored page is stale from now on, on every server (django CMS's own
    page cache too, which serves visitors who carry a cookie)."""
    from cms.cache import invalidate_cms_page_cache

    version = f"{time.time_ns()}-{next(_counter)}"
    cache.set(VERSION_KEY, version, timeout=None)
    page_cache_local.publish(version)
    invalidate_cms_page_cache()


def _changes_what_visitors_see(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return True
    return meta.app_label not in BOOKKEEPING_APPS and meta.label_lower not in BOOKKEEPING_MODELS


_state = threading.local()


@contextlib.contextmanager
def deferred():
    """Writes in bulk (`load_demo`): one bump at the end instead of one per save."""
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = False
        bump_version()


def _on_change(sender, **kwargs):
    if getattr(_state, "deferred", False):
        return
    if _changes_what_visitors_see(sender):
        bump_version()
        # Again once committed: a page rendered meanwhile from the old rows may
        # have been stored under the version bumped above (once per transaction).
        once_on_commit("page_cache", bump_version)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"coop_page_cache_{signal!r}")


def next_midnight(now):
    today = timezone.localtime(now).date()
    return timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    )


def seconds_to_next_change(version, now=None):
    """Seconds until what the pages show may change by itself (at least 1)."""
    now = now or timezone.now()
    key = NEXT_CHANGE_KEY.format(version=version)
    moment = cache.get(key)
    if moment is None or moment <= now:
        candidates = [next_midnight(now)]
        for provider in _next_change_providers:
            found = provider(now)
            if found is not None and found > now:
                candidates.append(found)
        moment = min(candidates)
        cache.set(key, moment, timeout=max(1, int((moment - now).total_seconds())))
    return max(1, int((moment - now).total_seconds()))


def _is_visitor_request(request):
    return (
        settings.COOP_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
    )


def _page_key(request):
    try:
        host = request.get_host()
    except Exception:  # a bad Host: the normal chain answers 400
        return None
    identity = f"{request.scheme}://{host}{request.get_full_path()}|{negotiate(request)}"
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()
    return PAGE_KEY.format(digest=digest)


def _is_storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not response.has_header("Set-Cookie")
    )


def _etag(content):
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


def _replay(request, stored):
    _version, headers, content, etag, _expires_at = stored
    if etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(content))
    return response


def _tidy_vary(response):
    """`Vary: , Accept-Language, Cookie` (django CMS leaves an empty member): without it."""
    if response.has_header("Vary"):
        members = [member.strip() for member in response["Vary"].split(",")]
        response["Vary"] = ", ".join(member for member in members if member)
    return response


def _lookup(key):
    """The site's version, the page stored under it for this key (or None), and
    whether this process heard the version from Redis (then it keeps pages)."""
    version = page_cache_local.watch.current(current_version)
    if version is None:  # the file cache, or no word from Redis: one read
        found = cache.get_many([VERSION_KEY, key] if key else [VERSION_KEY])
        version = found.get(VERSION_KEY) or current_version()
        stored = found.get(key)
        return version, (stored if _is_current(stored, version) else None), False
    if key is None:
        return version, None, True
    stored = page_cache_local.pages.get(key, version)
    if stored is None:
        stored = cache.get(key)
        if not _is_current(stored, version):
            return version, None, True
        page_cache_local.pages.put(key, stored)
    return version, stored, True


def _is_current(stored, version):
    return stored is not None and stored[0] == version and stored[4] > time.time()


class PageCacheMiddleware:
    """Put it right after the security and static-files middleware (see settings.MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_visitor_request(request):
            response = _tidy_vary(self.get_response(request))
            if getattr(getattr(request, "user", None), "is_authenticated", False):
                patch_cache_control(response, private=True, no_store=True)
            return response
        key = _page_key(request)
        version, stored, local = _lookup(key)
        if stored is not None:
            return _replay(request, stored)
        response = _tidy_vary(self.get_response(request))
        if key and _is_storable(response):
            # HEAD too: the same headers as the GET it stands for (the body,
            # which gunicorn does not send, is rendered all the same).
            etag = response.get("ETag") or _etag(response.content)
            response["ETag"] = etag
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            del response["Expires"]  # django CMS's own, later than max-age says
            if request.method == "HEAD":
                return response
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("content-length", "date")
            ]
            lifetime = seconds_to_next_change(version)
            stored = (version, headers, response.content, etag, time.time() + lifetime)
            cache.set(key, stored, lifetime)
            if local:
                page_cache_local.pages.put(key, stored)
            if etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
                return _replay(request, stored)
        return response
