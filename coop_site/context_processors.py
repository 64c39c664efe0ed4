from django.utils.functional import SimpleLazyObject

from houses.models import House


def site_houses(request):
    """The houses listed in every footer: names and links, nothing prefetched.

    One lazy queryset: one query on a page that shows the footer. The home
    page's cards, which say "open now", take `house_cards` instead.
    """
    return {
        "site_houses": House.objects.neighbourhood_houses(),
        # The Coopération's own row, read only by a page that names it (JSON-LD).
        "site_cooperation": SimpleLazyObject(House.objects.cooperation_house),
    }
