"""The houses every page names (the footer's list, the Coopération), read once per version of the site.

They change only when something is saved, and every save bumps the site's
version (coop_site.page_cache): the entry is read once per version, by every
page of every server, and a renamed house shows at the next request.
"""

from django.core.cache import cache

from coop_site.page_cache import current_version

from .models import House

KEY = "coop:site-houses:{version}"
LIFETIME = 24 * 3600


def site_directory():
    """{"houses": the neighbourhood houses in order, "cooperation": its row or None}."""
    key = KEY.format(version=current_version())
    directory = cache.get(key)
    if directory is None:
        houses = list(House.objects.all())  # a handful of rows: one query for both
        directory = {
            "houses": [house for house in houses if not house.is_cooperation],
            "cooperation": next((house for house in houses if house.is_cooperation), None),
        }
        cache.set(key, directory, LIFETIME)
    return directory


def cooperation():
    """The Coopération's own row (for its name and e-mail address), or None before it exists."""
    return site_directory()["cooperation"]
