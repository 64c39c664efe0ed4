"""Demo data of the galleries app: the loading logic of galleries/demo.yaml.

Its pages (La Coopération, the AGORA, the home page) exist and are published
by coop_site's loader; a gallery joins them through a new draft that is
published at once, and only if the page does not hold that gallery yet (in
any version), so a second run is a no-op.
"""

from cms.api import add_plugin
from cms.models import PageContent, Placeholder
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from coop_site.demo import (
    LANGUAGE,
    DemoData,
    demo_folder,
    demo_user,
    ensure_illustration,
    find_page,
)

from .models import Gallery, GalleryItem

DATA = DemoData(
    __file__,
    required={
        "item_credit": (),
        "galleries": ("title", "page", "plugin", "folder", "shows", "images"),
    },
)


def add_to_published_page(
    *, reverse_id, plugin_type, title, data, items=(), slot="content", stdout
):
    """Add a gallery to a page through a new published version, once."""
    page = find_page(reverse_id)
    if page is None:
        return None
    contents = PageContent.admin_manager.filter(page=page, language=LANGUAGE)
    placeholders = Placeholder.objects.filter(
        content_type__model="pagecontent", object_id__in=contents.values("pk")
    )
    if Gallery.objects.filter(placeholder__in=placeholders, title=title).exists():
        return None
    user = demo_user()
    latest = contents.latest_content().first()
    version = Version.objects.get_for_content(latest)
    if version.state == PUBLISHED:
        version = version.copy(user)
    elif version.state != DRAFT:
        return None
    placeholder = version.content.get_placeholders().get(slot=slot)
    gallery = add_plugin(placeholder, plugin_type, LANGUAGE, title=title, **data)
    for position, item in enumerate(items):
        GalleryItem.objects.create(gallery=gallery, position=position, **item)
    version.publish(user)
    stdout.write(f"  galerie ajoutée : {title}")
    return gallery


def ensure_gallery(data, *, stdout):
    """The pictures of a gallery of galleries/demo.yaml, then the gallery on its page."""
    folder = demo_folder(data["folder"])
    size = tuple(data.get("size", (1200, 800)))
    items = []
    for picture in data["images"]:
        image = ensure_illustration(
            filename=picture["filename"],
            label=picture["label"],
            folder=folder,
            alt=picture["alt"],
            colour=picture["colour"],
            size=size,
        )
        items.append(
            {
                "image": image,
                "alt_text": image.default_alt_text,
                "caption": picture.get("caption", ""),
                "credit": DATA["item_credit"],
            }
        )
    shows_folder = data["shows"] == "folder"
    add_to_published_page(
        reverse_id=data["page"],
        plugin_type=data["plugin"],
        title=data["title"],
        data={"folder": folder} if shows_folder else {},
        items=() if shows_folder else items,
        slot=data.get("slot", "content"),
        stdout=stdout,
    )


def load(*, stdout):
    for data in DATA["galleries"]:
        ensure_gallery(data, stdout=stdout)
