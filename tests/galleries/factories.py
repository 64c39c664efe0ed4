import io

from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.core.files.base import ContentFile
from djangocms_versioning.models import Version
from filer.models import Folder, Image
from PIL import Image as PILImage

from galleries.models import GalleryItem


def image_bytes(size=(1200, 800), colour="#0d5c63", fmt="JPEG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def make_folder(name="Photos"):
    return Folder.objects.create(name=name)


def make_image(filename="photo.jpg", *, folder=None, alt="Une photo", size=(1200, 800)):
    image = Image(folder=folder, original_filename=filename, default_alt_text=alt, is_public=True)
    image.file.save(filename, ContentFile(image_bytes(size)), save=False)
    image.save()
    return image


def make_page(user, title="Galerie", slug="galerie"):
    page = create_page(title, "pages/one_column.html", "fr", slug=slug, created_by=user)
    return PageContent.admin_manager.get(page=page, language="fr")


def add_gallery(content, *, plugin_type="GalleryPlugin", items=(), **data):
    """A gallery plugin in the page's main slot; items are dicts for GalleryItem."""
    placeholder = content.get_placeholders().get(slot="content")
    gallery = add_plugin(placeholder, plugin_type, "fr", **data)
    for position, item in enumerate(items):
        GalleryItem.objects.create(gallery=gallery, position=position, **item)
    return gallery


def publish(content, user):
    Version.objects.get_for_content(content).publish(user)
