"""Every broken internal link and every missing file of the published site, with where it is.

Read by `manage.py check_links` and by the admin page « Liens cassés et fichiers
manquants ». The links are those the publish check finds (checker.py), over
every published page and news item; the files are the media library's whose
content is gone from storage, and the documents left without their file,
found with the test that keeps them off the public pages (coop_site.uploads.is_stored).
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from coop_site.uploads import is_stored

from .checker import check_content
from .presentation import block_url

LINK_CODES = {"link_missing_page", "missing_file"}


@dataclass(frozen=True)
class BrokenLink:
    where: str  # « Page « Horaires » » / « Actualité « La fête » »
    public_url: str
    block: str  # the block's kind and zone
    message: str
    fix_url: str


@dataclass(frozen=True)
class MissingFile:
    name: str
    message: str
    used_in: tuple
    fix_url: str


@dataclass
class SiteReport:
    broken_links: list = field(default_factory=list)
    missing_files: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.broken_links or self.missing_files)


def _published_contents():
    from cms.models import PageContent

    from news.models import NewsItem

    pages = PageContent.objects.filter(language="fr").select_related("page")
    for content in pages.order_by("page__path"):
        yield _("Page « %(title)s »") % {"title": content.title}, content
    for item in NewsItem.objects.published().order_by("-published_on", "pk"):
        yield _("Actualité « %(title)s »") % {"title": item.title}, item


def _public_url(obj):
    from cms.models import PageContent

    if isinstance(obj, PageContent):
        return obj.page.get_absolute_url("fr") or ""
    return obj.get_absolute_url() or ""


def broken_links():
    url_cache = {}
    found = []
    for where, obj in _published_contents():
        for problem in check_content(obj, url_cache=url_cache).problems:
            if problem.code not in LINK_CODES:
                continue
            block = ""
            if problem.plugin_name:
                block = _("bloc « %(block)s », zone « %(zone)s »") % {
                    "block": problem.plugin_name,
                    "zone": problem.placeholder,
                }
            found.append(
                BrokenLink(
                    where=where,
                    public_url=_public_url(obj),
                    block=block,
                    message=problem.message,
                    fix_url=block_url(obj, problem.plugin_id),
                )
            )
    return found


def _admin_change_url(obj):
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def missing_files():
    from filer.models import File

    from documents.models import Document
    from news.models import NewsItem

    found = []
    for file in File.objects.order_by("original_filename", "pk"):
        if is_stored(file.file):
            continue
        used_in = [
            _("document « %(title)s »") % {"title": title}
            for title in Document.objects.filter(file=file).values_list("title", flat=True)
        ]
        used_in += [
            _("actualité « %(title)s »") % {"title": title}
            for title in NewsItem.objects.filter(image=file).values_list("title", flat=True)
        ]
        found.append(
            MissingFile(
                name=file.label,
                message=_(
                    "Le fichier est dans la médiathèque, mais son contenu n'est plus sur le "
                    "serveur : envoyez-le à nouveau dans la médiathèque, ou supprimez-le."
                ),
                used_in=tuple(used_in),
                fix_url=_admin_change_url(file),
            )
        )
    for document in Document.objects.select_related("file").order_by("title", "pk"):
        if document.file_id and is_stored(document.file.file):
            continue
        found.append(
            MissingFile(
                name=document.title,
                message=_(
                    "Ce document à télécharger n'a plus son fichier : il n'apparaît plus sur "
                    "le site. Choisissez un autre fichier, ou dépubliez le document."
                ),
                used_in=(_("documents à télécharger"),),
                fix_url=_admin_change_url(document),
            )
        )
    return found


def site_report():
    return SiteReport(broken_links=broken_links(), missing_files=missing_files())
