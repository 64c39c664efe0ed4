"""A photo added, changed or removed in a gallery's folder shows at once.

A folder gallery reads its folder when it renders, but django CMS keeps the
rendered placeholder and the whole page for CMS_CACHE_DURATIONS["content"]
(60 s). Saving or deleting a media-library image therefore drops the caches
of the placeholders that show its folder: one query when the folder holds
no gallery. (filer's bulk "move" action updates rows without saving them:
those pictures still wait for the cache to expire.)
"""

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import clear_placeholder_cache
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from filer.models import Image

from .models import Gallery


def forget_rendered_galleries(*, folder_ids):
    folder_ids = {pk for pk in folder_ids if pk}
    if not folder_ids:
        return
    galleries = Gallery.objects.filter(folder_id__in=folder_ids).select_related("placeholder")
    shown_in = {(g.placeholder, g.language) for g in galleries if g.placeholder_id}
    for placeholder, language in shown_in:
        clear_placeholder_cache(placeholder, language, settings.SITE_ID)
    if shown_in:
        invalidate_cms_page_cache()


def remember_folder(sender, instance, **kwargs):
    # A picture moved out of a gallery's folder must leave that gallery too.
    instance._gallery_old_folder_id = (
        sender.objects.filter(pk=instance.pk).values_list("folder_id", flat=True).first()
        if instance.pk
        else None
    )


def image_changed(sender, instance, **kwargs):
    forget_rendered_galleries(
        folder_ids={instance.folder_id, getattr(instance, "_gallery_old_folder_id", None)}
    )


def register():
    pre_save.connect(remember_folder, sender=Image, dispatch_uid="galleries_remember_folder")
    post_save.connect(image_changed, sender=Image, dispatch_uid="galleries_image_saved")
    post_delete.connect(image_changed, sender=Image, dispatch_uid="galleries_image_deleted")
