from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class CoopSiteConfig(AppConfig):
    name = "coop_site"
    verbose_name = _("Site de la Coopération")

    def ready(self):
        from cms.models import Placeholder
        from django.contrib import admin

        from .cms_access import DraftGuardedPlaceholderAdmin, guard_version_pickers
        from .cms_french import name_text_plugin_in_french, name_version_models_in_french
        from .page_cache import connect_signals
        from .roles import sync_roles_after_migrate
        from .shared_contents import ensure_shared_contents_after_migrate

        # Drafts open only for whoever may change them (see coop_site/cms_access.py).
        admin.site.unregister(Placeholder)
        admin.site.register(Placeholder, DraftGuardedPlaceholderAdmin)
        guard_version_pickers(admin.site)
        name_text_plugin_in_french()
        name_version_models_in_french()
        register_upload_types()
        pre_save.connect(clean_filer_file_name, dispatch_uid="coop_site.clean_filer_file_name")
        # Once per migrate (this app's signal only), every app's roles converge.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        # The shared contents the templates place exist (coop_site/shared_contents.py).
        post_migrate.connect(ensure_shared_contents_after_migrate, sender=self)
        # Any save or deletion makes every cached page stale (coop_site/page_cache.py).
        connect_signals()


def register_upload_types():
    """filer chooses a file's MIME type from its extension: the same answer on every server."""
    import mimetypes

    from .uploads import FILE_TYPES

    for file_type in FILE_TYPES.values():
        for extension in file_type.extensions:
            mimetypes.add_type(file_type.mime_type, f".{extension}")


def clean_filer_file_name(sender, instance, **kwargs):
    from filer.models import File

    from .uploads import clean_filer_original_filename

    if isinstance(instance, File):
        clean_filer_original_filename(sender, instance)
