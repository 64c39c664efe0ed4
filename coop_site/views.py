"""Site-wide views and view mixins: error pages that keep the site's look, the CMS toolbar's object."""

import sys

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views import static

# Seconds a visitor (or a proxy) is asked to wait while the database is down.
DATABASE_DOWN_RETRY_AFTER = 30


class ToolbarObjectMixin:
    """Tells django CMS's toolbar which object the page shows (its edit links and menus).

    The object is the view's `self.object` (a DetailView's, or set by the view).
    """

    def get_context_data(self, **kwargs):
        toolbar = getattr(self.request, "toolbar", None)
        if toolbar is not None and getattr(self, "object", None) is not None:
            toolbar.set_object(self.object)
        return super().get_context_data(**kwargs)


def serve_media(request, path):
    """Uploaded files, locally and in tests only (SERVE_MEDIA): read from the
    MEDIA_ROOT of the moment, so the URL conf holds no folder of its own."""
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)


def bad_request(request, exception=None):
    # Rendered without request: the request is what was wrong (a `Host` not in
    # ALLOWED_HOSTS makes every `request.get_host()` of the site's layout raise).
    return HttpResponse(loader.render_to_string("400.html"), status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def is_database_down(exc):
    """Does this exception (or one it came from) say the database cannot be reached?

    Django wraps the driver's errors in OperationalError (refused or lost
    connection, SQLite's unopenable file) or InterfaceError (connection already
    closed). SQLite also reports a missing table as OperationalError: that is a
    bug to show as a 500, not an outage.
    """
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (OperationalError, InterfaceError)):
            message = str(exc)
            return not message.startswith(("no such table", "no such column"))
        exc = exc.__cause__ or exc.__context__
    return False


def database_down():
    """The static French 503: rendered without request, so no context processor,
    no CMS menu, nothing that reads the database."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(DATABASE_DOWN_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    # Django calls handler500 inside its `except` block, from whichever layer
    # (middleware or view) raised: the one place that sees every uncaught error.
    if is_database_down(sys.exc_info()[1]):
        return database_down()
    # Rendered without the CMS menu: whatever broke may be the database.
    return render(request, "500.html", status=500)
