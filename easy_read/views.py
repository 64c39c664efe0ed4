from django.views.generic import DetailView

from coop_site.views import ToolbarObjectMixin

from .models import EasyReadVersion


class EasyReadDetailView(ToolbarObjectMixin, DetailView):
    """The easy-to-read version at its own address; a draft only for the staff who may change it."""

    template_name = "easy_read/version.html"
    context_object_name = "version"

    def get_queryset(self):
        versions = EasyReadVersion.objects.select_related("house", "page")
        if self.request.user.has_perm("easy_read.change_easyreadversion"):
            return versions
        return versions.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lines"] = self.object.lines.all()
        return context
