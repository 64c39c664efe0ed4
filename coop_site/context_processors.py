from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from coop_site.page_cache import current_version
from houses.models import House

# The houses every footer lists and the Coopération every page names change
# only when something is saved, and every save bumps the site's version: the
# entry is read once per version, by every page of every server.
SITE_HOUSES_KEY = "coop:site-houses:{version}"
SITE_HOUSES_LIFETIME = 24 * 3600


def _site_directory():
    key = SITE_HOUSES_KEY.format(version=current_version())
    directory = cache.get(key)
    if directory is None:
        houses = list(House.objects.all())  # a handful of rows: one query for both
        directory = {
            "houses": [house for house in houses if not house.is_cooperation],
            "cooperation": next((house for house in houses if house.is_cooperation), None),
        }
        cache.set(key, directory, SITE_HOUSES_LIFETIME)
    return directory


def site_houses(request):
    """The houses listed in every footer (names and links) and the Coopération's own row.

    Both come from the shared cache, fresh after any save. The home page's
    cards, which say "open now", take `house_cards` instead.
    """
    directory = SimpleLazyObject(_site_directory)
    return {
        "site_houses": SimpleLazyObject(lambda: directory["houses"]),
        # Read only by a page that names it (JSON-LD).
        "site_cooperation": SimpleLazyObject(lambda: directory["cooperation"]),
    }
