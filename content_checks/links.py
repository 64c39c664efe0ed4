"""Does an address of the site lead somewhere? Pages, houses, events, news, documents, files.

An internal address is resolved and its view run as for an anonymous visitor
(without rendering the answer): a 404 there is a 404 for the public. A file
of the media library is looked up in its storage with the project's own
test (coop_site.uploads.is_stored), the one that keeps dead links off pages.
"""

import logging
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.files.storage import default_storage
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from coop_site.uploads import is_stored

logger = logging.getLogger(__name__)

SKIPPED_SCHEMES = {"mailto", "tel", "sms", "geo", "javascript", "data"}


def _own_hosts():
    hosts = {host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"}
    try:
        hosts.add(Site.objects.get_current().domain)
    except Site.DoesNotExist:
        pass
    return hosts


def _media_path():
    return urlsplit(settings.MEDIA_URL).path


def _media_host():
    return urlsplit(settings.MEDIA_URL).netloc


def check_file_url(url):
    """A French reason when `url` is a file of the media folder that is not in storage."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None  # check_url names a malformed address
    if parts.scheme in SKIPPED_SCHEMES:
        return None
    media_path = _media_path()
    if parts.netloc and parts.netloc != _media_host() and parts.netloc not in _own_hosts():
        return None
    if not parts.path.startswith(media_path):
        return None
    name = unquote(parts.path[len(media_path) :])
    try:
        stored = default_storage.exists(name)
    except (OSError, ValueError):  # a storage out of reach: not the editor's mistake
        return None
    if stored:
        return None
    return _("le fichier « %(name)s » n'est plus sur le serveur.") % {
        "name": name.rsplit("/", 1)[-1]
    }


def _visitor_answer(path):
    """Run the view of `path` as an anonymous visitor would: True when it answers, else False."""
    from .rendering import visitor_request

    try:
        match = resolve(path)
    except Resolver404:
        return False
    request = visitor_request(path)
    try:
        response = match.func(request, *match.args, **match.kwargs)
    except Http404:
        return False
    except Exception:  # a view that fails is a bug to log, not a broken link
        logger.warning("Vérification du lien %s : la vue a échoué.", path, exc_info=True)
        return True
    return getattr(response, "status_code", 200) != 404


def _filer_file(path):
    """The media library's file behind a permanent address (/documents-permanents/…)."""
    from filer.models import File

    try:
        match = resolve(path)
    except Resolver404:
        return None, False
    if match.url_name != "canonical" or "file_id" not in match.kwargs:
        return None, False
    return File.objects.filter(pk=match.kwargs["file_id"]).first(), True


def check_url(url, *, cache=None):
    """(code, French reason) when `url`, an address of this site, leads nowhere; else None."""
    if cache is not None and url in cache:
        return cache[url]
    result = _check_url(url)
    if cache is not None:
        cache[url] = result
    return result


def _check_url(url):
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[" : no browser can follow it
        return "link_missing_page", _("l'adresse « %(url)s » n'est pas valide.") % {"url": url}
    if parts.scheme in SKIPPED_SCHEMES:
        return None
    if parts.scheme and parts.scheme not in {"http", "https"}:
        return None
    if parts.netloc and parts.netloc not in _own_hosts() and parts.netloc != _media_host():
        return None  # another site: not checked (no request leaves the server)
    if not parts.path and not parts.netloc:
        return None  # "#section", "?page=2": this very page
    path = parts.path or "/"
    if not path.startswith("/"):
        return None  # relative to the page: rare, not resolved here
    missing = check_file_url(url)
    if missing:
        return "missing_file", missing
    if path.startswith(_media_path()) or path.startswith(settings.STATIC_URL):
        return None
    file, is_canonical = _filer_file(path)
    if is_canonical:
        if file is None or not is_stored(file.file):
            return "missing_file", _("le fichier de la médiathèque n'existe plus.")
        return None
    if not _visitor_answer(path):
        return "link_missing_page", _(
            "l'adresse %(path)s n'existe pas (page supprimée, pas encore publiée ou déplacée)."
        ) % {"path": path}
    return None


def files_of(instance):
    """The media-library files a block points at through its own fields (an image, a file,
    chosen documents), so that a file gone from storage is found even when the page leaves
    it out."""
    from django.db.models import ForeignKey, ManyToManyField
    from filer.models import File

    from documents.models import Document

    files = []
    for field in instance._meta.get_fields():
        if isinstance(field, ForeignKey) and issubclass(field.related_model, File):
            file = getattr(instance, field.name, None)
            if file is not None:
                files.append(file)
        elif isinstance(field, ManyToManyField) and field.related_model is Document:
            files += [document.file for document in getattr(instance, field.name).all()]
    return files
