"""Site-wide views and view mixins: error pages that keep the site's look, the CMS toolbar's object."""

from django.shortcuts import render


class ToolbarObjectMixin:
    """Tells django CMS's toolbar which object the page shows (its edit links and menus).

    The object is the view's `self.object` (a DetailView's, or set by the view).
    """

    def get_context_data(self, **kwargs):
        toolbar = getattr(self.request, "toolbar", None)
        if toolbar is not None and getattr(self, "object", None) is not None:
            toolbar.set_object(self.object)
        return super().get_context_data(**kwargs)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the CMS menu: whatever broke may be the database.
    return render(request, "500.html", status=500)
