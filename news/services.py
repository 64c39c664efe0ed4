from django.utils import timezone

from coop_site.page_cache import bump_version
from galleries.services import gallery_publication_errors
from search.indexing import refresh_objects

from .models import NewsItem
from .publishing import registered_errors, registered_warnings


def news_changed():
    """Drop the cached pages after a write that sends no signal (QuerySet.update):
    the home page and the house pages list the latest news."""
    bump_version()


def news_publication_errors(item):
    """Why `item` may not go public yet, as French sentences (empty: it may).

    The same rule as for CMS pages (galleries/publishing.py): a gallery whose
    images lack alt text must not go public; other apps add theirs through
    news/publishing.py (content_checks: the accessibility checks).
    """
    return gallery_publication_errors(item) + registered_errors(item)


def news_publication_warnings(item):
    """What an editor should look at in a published item (French sentences), not a refusal."""
    return registered_warnings(item)


def news_publish(*, items):
    """Publish each item that may go public; return {item: errors} for the others.

    The one way to publish news: the toolbar's « Publier », the list's action
    and the change form all come here.
    """
    refused = {}
    publishable = []
    for item in items:
        errors = news_publication_errors(item)
        if errors:
            refused[item] = errors
        elif item.status != NewsItem.Status.PUBLISHED:
            publishable.append(item.pk)
    if publishable:
        NewsItem.objects.filter(pk__in=publishable).update(
            status=NewsItem.Status.PUBLISHED, updated_at=timezone.now()
        )
        refresh_objects(NewsItem.objects.filter(pk__in=publishable))  # update() sends no signal
        news_changed()
    return refused
