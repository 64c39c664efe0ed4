from houses.models import House


def site_houses(request):
    """The houses listed in every footer: names and links, nothing prefetched.

    One lazy queryset: one query on a page that shows the footer. The home
    page's cards, which say "open now", take `house_cards` instead.
    """
    return {"site_houses": House.objects.neighbourhood_houses()}
