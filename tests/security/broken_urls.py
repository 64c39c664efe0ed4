"""The site's URLs plus one view that fails on POST, for tests/security/test_error_logging.py."""

from django.urls import path

from coop_site.urls import handler400, handler404, handler500, urlpatterns  # noqa: F401


def fail(request):
    raise RuntimeError("une panne pendant un envoi")


urlpatterns = [path("panne/", fail), *urlpatterns]
