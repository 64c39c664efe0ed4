from cms.cache import invalidate_cms_page_cache
from django.utils import timezone

from galleries.services import gallery_publication_errors
from search.indexing import refresh_objects

from .models import NewsItem


def news_changed():
    """Drop the CMS's cached pages: the home page lists the latest news.

    django CMS caches whole pages for anonymous visitors and only knows to
    refresh them when a page is published; a news item is not a page.
    """
    invalidate_cms_page_cache()


def news_publication_errors(item):
    """Why `item` may not go public yet, as French sentences (empty: it may).

    The same rule as for CMS pages (galleries/publishing.py): a gallery whose
    images lack alt text must not go public.
    """
    return gallery_publication_errors(item)


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
