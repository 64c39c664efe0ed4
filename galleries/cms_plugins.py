from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .forms import GalleryForm
from .models import Gallery, GalleryItem, MediaBlock
from .services import add_gallery_photos, gallery_slides


class GalleryItemInline(admin.StackedInline):
    model = GalleryItem
    extra = 1
    fields = ["image", "alt_text", "is_decorative", "caption", "credit", "position"]
    verbose_name = _("image choisie")
    verbose_name_plural = _("images choisies une à une (si aucun dossier n'est choisi)")


@plugin_pool.register_plugin
class GalleryPlugin(CMSPluginBase):
    model = Gallery
    form = GalleryForm
    name = _("Galerie photo")
    module = _("Images")
    render_template = "galleries/plugins/gallery.html"
    inlines = [GalleryItemInline]
    fieldsets = [
        (None, {"fields": ["title", "new_photos"]}),
        (
            _("Images d'un dossier de la médiathèque"),
            {"fields": ["folder", "folder_order", "decorative_images"]},
        ),
    ]
    slideshow = False

    class Media:
        css = {"all": ["css/galleries.css"]}
        js = ["js/gallery-upload.js"]

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        # A fresh class on each request (modelform_factory): safe to carry the editor.
        form_class.user = request.user
        return form_class

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if request.method == "POST":
            form.refused_photos()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        add_gallery_photos(
            gallery=form.instance,
            files=form.cleaned_data.get("new_photos"),
            alts=form.new_photo_alts,
            user=request.user,
        )

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        shown, hidden = gallery_slides(instance, slideshow=self.slideshow)
        context.update({"images": shown, "hidden_images": hidden})
        return context


@plugin_pool.register_plugin
class SlideshowPlugin(GalleryPlugin):
    name = _("Diaporama")
    render_template = "galleries/plugins/slideshow.html"
    fieldsets = [
        (None, {"fields": ["title", "new_photos", "interval_seconds"]}),
        (
            _("Images d'un dossier de la médiathèque"),
            {"fields": ["folder", "folder_order", "decorative_images"]},
        ),
    ]
    slideshow = True


@plugin_pool.register_plugin
class MediaPlugin(CMSPluginBase):
    model = MediaBlock
    name = _("Vidéo ou son")
    module = _("Contenu")
    render_template = "galleries/plugins/media.html"
    fields = ["title", "media", "captions", "transcript"]
