"""The shared contents every page shows (djangocms-alias): the site-wide notice, the partners.

They exist from the first `ensure_admin`, and after each `migrate` once an
administrator exists (an upgrade), or from `load_demo` with its examples: an
empty draft each, that an editor fills in and publishes from *Contenus
partagés (alias)*.
Pages show only their published version, in every mode: a page being edited
never makes a draft of them, nor offers them as a zone of its own; their own
preview (opened from the alias list) shows their draft.
"""

from django.db import transaction
from django.utils import translation

SHARED_CONTENTS = {
    "avis-du-site": "Avis sur tout le site",
    "partenaires": "Partenaires (pied de page)",
}
CATEGORY = "Contenus partagés du site"
LANGUAGE = "fr"


@transaction.atomic
def ensure_shared_content(static_code, *, user, plugins=(), publish=False):
    """Create the shared content `static_code` once, with `plugins`
    ((plugin_type, data, children) each), published or left as a draft that
    anybody may take up; False when it exists already. An empty draft nobody
    has touched yet (made by `migrate` on an upgraded site) is filled instead."""
    from cms.api import add_plugin
    from djangocms_alias.models import Alias, AliasContent, Category
    from djangocms_versioning.models import Version

    existing = Alias.objects.filter(static_code=static_code, site__isnull=True).first()
    if existing is not None:
        content = _untouched_draft(existing)
        if content is None or not plugins:
            return False  # the team's own: never changed here
    else:
        category = Category.objects.filter(translations__name=CATEGORY).first()
        if category is None:
            # parler names it in the active language: none during `migrate`.
            with translation.override(LANGUAGE):
                category = Category.objects.create(name=CATEGORY)
        alias = Alias.objects.create(
            category=category, static_code=static_code, creation_method=Alias.CREATION_BY_TEMPLATE
        )
        content = AliasContent.objects.with_user(user).create(
            alias=alias, name=SHARED_CONTENTS[static_code], language=LANGUAGE
        )
    for plugin_type, data, children in plugins:
        parent = add_plugin(content.placeholder, plugin_type, LANGUAGE, **data)
        for child_type, child_data in children:
            add_plugin(content.placeholder, child_type, LANGUAGE, target=parent, **child_data)
    version = Version.objects.get_for_content(content)
    if publish:
        version.publish(user)
    else:
        Version.objects.filter(pk=version.pk).update(locked_by=None)
    return True


def _untouched_draft(alias):
    """The alias's content when it is still the empty draft that `migrate` or `ensure_admin`
    made (one version, a draft, no block): `load_demo` may then fill it with its examples."""
    from djangocms_alias.models import AliasContent
    from djangocms_versioning.constants import DRAFT
    from djangocms_versioning.models import Version

    contents = list(AliasContent.admin_manager.filter(alias=alias, language=LANGUAGE))
    if len(contents) != 1:
        return None
    versions = Version.objects.filter_by_content_grouping_values(contents[0])
    if [version.state for version in versions] != [DRAFT]:
        return None
    if contents[0].placeholder.get_plugins(LANGUAGE).exists():
        return None
    return contents[0]


def ensure_shared_contents(user):
    """Every shared content the templates place, an empty draft where missing."""
    return [code for code in SHARED_CONTENTS if ensure_shared_content(code, user=user)]


def ensure_shared_contents_after_migrate(**kwargs):
    """post_migrate (coop_site.apps): the drafts, made by the first administrator, if any."""
    from django.contrib.auth import get_user_model

    administrator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if administrator is not None:
        ensure_shared_contents(administrator)


def published_placeholder(static_code, language=LANGUAGE):
    """The placeholder of the published version of `static_code`, or None."""
    from djangocms_alias.models import Alias

    alias = Alias.objects.filter(static_code=static_code, site__isnull=True).first()
    return alias.get_placeholder(language=language) if alias is not None else None
