"""Refuse to publish a version whose galleries hold images without alt text.

djangocms-versioning checks `Version.check_publish` before the admin and
the toolbar publish (and shows the failure to the editor); code that calls
`Version.publish()` directly skips those conditions, so the pre-publish
signal applies the same rule there.
"""

from djangocms_versioning import constants
from djangocms_versioning.exceptions import ConditionFailed

from .services import gallery_publication_errors


def galleries_have_alt_text(version, user):
    errors = gallery_publication_errors(version.content)
    if errors:
        raise ConditionFailed(" ".join(errors))


def refuse_publication_without_alt_text(sender, operation, obj, **kwargs):
    if operation == constants.OPERATION_PUBLISH:
        galleries_have_alt_text(obj, None)


def register():
    from djangocms_versioning.models import Version
    from djangocms_versioning.signals import pre_version_operation

    if galleries_have_alt_text not in Version.check_publish:
        Version.check_publish.append(galleries_have_alt_text)
    pre_version_operation.connect(
        refuse_publication_without_alt_text, dispatch_uid="galleries_alt_text_on_publish"
    )
