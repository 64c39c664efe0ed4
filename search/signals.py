"""Keeps the index in line with the content: saves, deletions, M2M, plugins, publishing.

The receivers listen to every model and act only on those an app registered,
so the search app needs to import no content app.
"""

from cms import operations
from cms.models import CMSPlugin, PageContent
from cms.signals import post_obj_operation
from django.db.models.signals import m2m_changed, post_delete, post_save
from djangocms_versioning.signals import post_version_operation

from . import indexing, registry


def _related(instance):
    for index, function in registry.indexes_related_to(instance):
        for obj in function(instance):
            if obj is not None:
                indexing.refresh(index, obj)


def _plugin_source(plugin):
    placeholder = plugin.placeholder if plugin.placeholder_id else None
    return placeholder.source if placeholder is not None else None


def on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, CMSPlugin):
        source = _plugin_source(instance)
        if source is not None:
            indexing.refresh_instance(source)
        return
    indexing.refresh_instance(instance)
    _related(instance)


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, CMSPlugin):
        try:
            source = _plugin_source(instance)
        except Exception:  # the placeholder went first, with its page
            return
        if source is not None:
            indexing.refresh_instance(source)
        return
    for index in registry.index_for(instance):
        indexing.refresh(index, instance)
    _related(instance)


def on_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        indexing.refresh_instance(instance)


def on_version(sender, obj, **kwargs):
    content = obj.content
    if content is not None:
        indexing.refresh_instance(content)


def on_page_operation(sender, operation, **kwargs):
    # Moving a page or changing its slug rewrites its descendants' addresses in bulk.
    if operation in (operations.MOVE_PAGE, operations.CHANGE_PAGE, operations.DELETE_PAGE):
        for index in registry.indexes():
            if issubclass(index.model, PageContent):
                indexing.refresh_all(index)


def connect():
    post_save.connect(on_save, dispatch_uid="search_on_save")
    post_delete.connect(on_delete, dispatch_uid="search_on_delete")
    m2m_changed.connect(on_m2m, dispatch_uid="search_on_m2m")
    post_version_operation.connect(on_version, dispatch_uid="search_on_version")
    post_obj_operation.connect(on_page_operation, dispatch_uid="search_on_page_operation")
