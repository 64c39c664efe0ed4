"""The houses every page names (the footer's list, the Coopération), read once per version of the site.

They change only when something is saved, and every save bumps the site's
version (coop_site.page_cache): the entry is read once per version, by every
page of every server, and a renamed house shows at the next request.
"""

from coop_site.page_cache import per_version

from .models import House


def _read_directory():
    houses = list(House.objects.all())  # a handful of rows: one query for both
    return {
        "houses": [house for house in houses if not house.is_cooperation],
        "cooperation": next((house for house in houses if house.is_cooperation), None),
    }


def site_directory():
    """{"houses": the neighbourhood houses in order, "cooperation": its row or None}."""
    return per_version("site-houses", _read_directory)


def cooperation():
    """The Coopération's own row (for its name and e-mail address), or None before it exists."""
    return site_directory()["cooperation"]
