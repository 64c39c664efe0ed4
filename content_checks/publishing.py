"""The checks run when an editor publishes a page or a shared content (the toolbar's « Publier »,
the versions list).

Both buttons post to djangocms-versioning's `publish_view`. A condition of
`Version.check_publish` could only refuse with one line of text, and the
versions list evaluates those conditions for every row it shows (to grey the
button out), which would render every draft at each display. So the version
admin of pages is subclassed, as coop_site/cms_access.py does for its
picker: before the package's own view runs, the draft is checked; blocking
problems answer with a page that lists them (the version stays a draft),
warnings with a page that asks the editor to confirm. A page without
problems publishes exactly as before.

Code that calls `Version.publish()` itself (the demo loader, scripts) is not
checked: the checks guide an editor, they are not an invariant of the data
(galleries/publishing.py keeps the one that is: alt text of galleries).
"""

from django.contrib.admin.utils import unquote
from djangocms_versioning.exceptions import ConditionFailed

from .checker import checked_or_none
from .presentation import publish_checks_response

CONFIRM_FIELD = "accepter_avertissements"


def _checked_model(model_admin):
    from cms.models import PageContent
    from djangocms_alias.models import AliasContent

    # Pages, and the shared contents (the site notice, the partners) that every page shows.
    return getattr(model_admin.model, "_source_model", None) in (PageContent, AliasContent)


class CheckedPublishMixin:
    def publish_view(self, request, object_id):
        if request.method != "POST":
            return super().publish_view(request, object_id)
        version = self.get_object(request, unquote(object_id))
        if version is None or not version.can_be_published():
            return super().publish_view(request, object_id)
        try:
            version.check_publish(request.user)
        except ConditionFailed:
            return super().publish_view(request, object_id)  # says why, as before
        report = checked_or_none(version.content)
        if report is None:
            return super().publish_view(request, object_id)
        if report.blocking or (report.warnings and CONFIRM_FIELD not in request.POST):
            return publish_checks_response(
                request, version.content, report, confirm_field=CONFIRM_FIELD
            )
        return super().publish_view(request, object_id)


def check_version_publication(site):
    """Put the checks in front of the publish view of the pages' and shared contents' version
    admins."""
    from djangocms_versioning.admin import VersionAdmin

    for model, model_admin in list(site._registry.items()):
        if not isinstance(model_admin, VersionAdmin) or not _checked_model(model_admin):
            continue
        checked = type(type(model_admin).__name__, (CheckedPublishMixin, type(model_admin)), {})
        site.unregister(model)
        site.register(model, checked)
