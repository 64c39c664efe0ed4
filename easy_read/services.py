"""Which easy-to-read version belongs to the page a request shows."""

from cms.models import PageContent
from cms.toolbar.utils import get_toolbar_from_request

from coop_site.page_cache import per_version
from houses.models import House

from .models import EasyReadVersion


def _published_versions():
    """{("house", id) or ("page", id): version}, read once per version of the site."""
    versions = EasyReadVersion.objects.published().only("slug", "house_id", "page_id")
    return {
        ("house", version.house_id) if version.house_id else ("page", version.page_id): version
        for version in versions
    }


def version_for(request):
    """The published easy-to-read version of the page `request` shows, or None."""
    toolbar = get_toolbar_from_request(request)
    shown = toolbar.get_object() if toolbar is not None else None
    if isinstance(shown, House):
        return per_version("easy-read", _published_versions).get(("house", shown.pk))
    page = getattr(request, "current_page", None)  # a lazy object, falsy without a page
    if not page or (shown is not None and not isinstance(shown, PageContent)):
        return None  # another object's page under an application's page (an event, a report)
    version = per_version("easy-read", _published_versions).get(("page", page.pk))
    if version is not None and request.path != page.get_absolute_url("fr"):
        return None  # a page of the application hooked there (/agenda/semaine/)
    return version
