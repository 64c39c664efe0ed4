from django.utils.functional import SimpleLazyObject

from houses.directory import site_directory


def site_houses(request):
    """The houses listed in every footer (names and links) and the Coopération's own row.

    Both come from the shared cache, fresh after any save (houses.directory).
    The home page's cards, which say "open now", take `house_cards` instead.
    """
    directory = SimpleLazyObject(site_directory)
    return {
        "site_houses": SimpleLazyObject(lambda: directory["houses"]),
        # Read only by a page that names it (JSON-LD).
        "site_cooperation": SimpleLazyObject(lambda: directory["cooperation"]),
    }
