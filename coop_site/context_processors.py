from houses.models import House


def site_houses(request):
    """The houses shown in every footer and on the home page.

    One lazy queryset: evaluated once per page however often it is used.
    """
    return {"site_houses": House.objects.neighbourhood_houses().select_related("photo")}
