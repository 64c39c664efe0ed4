"""Site-wide views: error pages that keep the site's look."""

from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the CMS menu: whatever broke may be the database.
    return render(request, "500.html", status=500)
