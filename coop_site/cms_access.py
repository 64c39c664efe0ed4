"""Who may open a CMS object's structure, edit and preview URLs.

These three URLs (`/admin/cms/placeholder/object/<ct>/structure|edit|preview/<pk>/`)
render any version of an object, drafts included. django CMS 5 lets through
every staff member who may *view* the object: for a page that is anyone who
may see the published page (so, with `CMS_PERMISSION = False`, every staff
member), which let house teams and the evaluation officer read unpublished
text. Here a page content opens only for whoever may change the page (the
CMS's own `Page.has_change_permission`, i.e. "cms.change_page"), an object
with a `has_placeholder_change_permission` method (a house) for whoever it
allows; other objects keep the CMS's own rule (their model's view or change
permission). Anyone
else gets a 403.

The CMS declares these URLs in `PlaceholderAdmin.get_urls`; the subclass below
keeps its patterns and wraps the three views, and `CoopSiteConfig.ready`
registers it in place of the CMS's own.
"""

import functools

from cms.admin.placeholderadmin import PlaceholderAdmin
from cms.models import PageContent
from cms.utils.permissions import user_can_view_placeholder_source
from cms.views import render_object_edit, render_object_preview, render_object_structure
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.urls import re_path

GUARDED_VIEWS = (render_object_edit, render_object_preview, render_object_structure)


def user_can_read_drafts(user, obj):
    """Whether `user` may see every version of `obj`, drafts included."""
    if isinstance(obj, PageContent):
        return obj.page.has_change_permission(user)
    may_change = getattr(obj, "has_placeholder_change_permission", None)
    if may_change is not None:
        # An object that says who may write its placeholders (a house's
        # presentation: its own team) opens in the CMS for them only.
        return may_change(user)
    return user_can_view_placeholder_source(user, obj)


def _object(content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        manager = model.admin_manager if issubclass(model, PageContent) else model._base_manager
        return manager.get(pk=object_id)
    except (ObjectDoesNotExist, AttributeError, TypeError):
        return None  # the CMS's view answers 404 itself


def drafts_guarded(view):
    @functools.wraps(view)
    def guarded(request, content_type_id, object_id):
        obj = _object(content_type_id, object_id)
        if obj is not None and not user_can_read_drafts(request.user, obj):
            raise PermissionDenied
        return view(request, content_type_id, object_id)

    return guarded


class DraftGuardedPlaceholderAdmin(PlaceholderAdmin):
    def get_urls(self):
        info = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        guarded = {f"{info}_{view.__name__}": view for view in GUARDED_VIEWS}
        return [
            re_path(
                url.pattern.regex.pattern,
                self.admin_site.admin_view(drafts_guarded(guarded[url.name])),
                name=url.name,
            )
            if getattr(url, "name", None) in guarded
            else url
            for url in super().get_urls()
        ]


def guard_version_pickers(site):
    """djangocms-versioning's « choose a page to see its versions » screen checks no
    permission: any staff member (a house team, the evaluation officer) got it,
    where the page search inside then refused them. It now opens only for whoever
    may see versions, as the versions list itself does; others get a 403.
    `CoopSiteConfig.ready` calls this once the admins are registered.
    """
    from djangocms_versioning.admin import VersionAdmin

    for model, model_admin in list(site._registry.items()):
        if not isinstance(model_admin, VersionAdmin):
            continue

        class PermissionCheckedVersionAdmin(type(model_admin)):
            def grouper_form_view(self, request):
                if not self.has_view_or_change_permission(request):
                    raise PermissionDenied
                return super().grouper_form_view(request)

        PermissionCheckedVersionAdmin.__name__ = type(model_admin).__name__
        site.unregister(model)
        site.register(model, PermissionCheckedVersionAdmin)
