from django.db.models import Prefetch

from houses.models import Closure, House


def site_houses(request):
    """The houses shown in every footer and on the home page.

    One lazy queryset: evaluated once per page however often it is used. The
    home page's house cards show "open now", hence the prefetched hours.
    """
    return {
        "site_houses": House.objects.neighbourhood_houses()
        .select_related("photo")
        .prefetch_related(
            "opening_hours",
            Prefetch("closures", queryset=Closure.objects.current_and_upcoming()),
        )
    }
