from django.views.generic import ListView

from .models import Issue


class IssueListView(ListView):
    """Every published issue, newest first, each with its cover and its table of contents."""

    template_name = "journal/issue_list.html"
    context_object_name = "issues"
    paginate_by = 24

    def get_queryset(self):
        return Issue.objects.published().for_listing()
