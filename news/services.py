from cms.cache import invalidate_cms_page_cache


def news_changed():
    """Drop the CMS's cached pages: the home page lists the latest news.

    django CMS caches whole pages for anonymous visitors and only knows to
    refresh them when a page is published; a news item is not a page.
    """
    invalidate_cms_page_cache()
