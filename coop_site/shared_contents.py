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
    anybody may take up; False when it exists already."""
    from cms.api import add_plugin
    from djangocms_alias.models import Alias, AliasContent, Category
    from djangocms_versioning.models import Version

    if Alias.objects.filter(static_code=static_code, site__isnull=True).exists():
        return False
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
