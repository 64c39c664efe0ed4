"""Demo content: the extension point and the site-wide pages.

`manage.py load_demo` runs every loader named in `settings.COOP_DEMO_LOADERS`,
in order, each a `load(*, stdout)` function. Loaders find before they create,
so a second run creates nothing and changes nothing. The helpers below
(`DemoData`, `ensure_page`, `ensure_illustration`, `demo_user`) are shared by
every app's loader.

A loader is only the loading logic: its data (texts, dates, figures) lives in
a YAML file beside it (`houses/demo.py` reads `houses/demo.yaml`), declared as
the module's `DATA = DemoData(__file__, required=...)`.

The site-wide pages are in coop_site/demo.yaml; their prose is written from
../shared/seed/ (the association's own page and gathered facts); nothing
there is presented as fact that is not in the seed.
"""

import io
from functools import cached_property
from pathlib import Path

import yaml
from cms.api import add_plugin, create_page
from cms.models import Page, PageContent
from cms.utils.apphook_reload import mark_urlconf_as_changed
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.db import transaction
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version
from filer.models import Folder, Image
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from coop_site.shared_contents import ensure_shared_content

LANGUAGE = "fr"
DEMO_USERNAME = "contenu-demo"


class DemoDataError(ValueError):
    """A demo data file lacks a key its loader needs."""


class DemoData:
    """The YAML data file beside a demo loader, checked once when first read.

    `required` maps each top-level key the loader reads to the keys its value
    must have: a mapping has them itself, every item of a list has them.
    `DATA["key"]` reads the file once; a missing key raises `DemoDataError`
    naming the file and the key.
    """

    def __init__(self, module_file, *, required):
        self.path = Path(module_file).with_suffix(".yaml")
        self.required = required

    def __getitem__(self, key):
        return self.data[key]

    @cached_property
    def data(self):
        with self.path.open(encoding="utf-8") as file:
            data = yaml.safe_load(file)
        if not isinstance(data, dict):
            raise DemoDataError(f"{self.path} : le fichier doit être un dictionnaire de clés")
        for key, item_keys in self.required.items():
            if key not in data:
                raise DemoDataError(f"{self.path} : la clé « {key} » manque")
            value = data[key]
            items = [(key, value)] if isinstance(value, dict) else []
            if isinstance(value, list):
                items = [(f"{key}[{index}]", item) for index, item in enumerate(value)]
            for where, item in items:
                for item_key in item_keys:
                    if item_key not in item:
                        raise DemoDataError(
                            f"{self.path} : la clé « {item_key} » manque dans {where}"
                        )
        return data


def demo_user():
    """The author of the demo content: a user who cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"first_name": "Contenu", "last_name": "de démonstration", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def find_page(reverse_id):
    return Page.objects.filter(reverse_id=reverse_id).first()


def ensure_page(
    *,
    reverse_id,
    title,
    slug,
    template="pages/one_column.html",
    parent=None,
    menu_title=None,
    meta_description="",
    in_navigation=True,
    apphook=None,
    apphook_namespace=None,
    overwrite_url=None,
    plugins=(),
    homepage=False,
    stdout=None,
):
    """Create and publish a page once; return the existing page afterwards.

    `plugins` is a list of (slot, plugin_type, data) added to the draft
    before it is published. `overwrite_url` fixes the page's address,
    whatever its place in the tree.
    """
    page = find_page(reverse_id)
    if page is not None:
        return page
    user = demo_user()
    page = create_page(
        title,
        template,
        LANGUAGE,
        slug=slug,
        menu_title=menu_title,
        meta_description=meta_description or None,
        parent=parent,
        in_navigation=in_navigation,
        reverse_id=reverse_id,
        apphook=apphook,
        apphook_namespace=apphook_namespace,
        overwrite_url=overwrite_url,
        created_by=user,
    )
    content = PageContent.admin_manager.get(page=page, language=LANGUAGE)
    for slot, plugin_type, data in plugins:
        placeholder = content.get_placeholders().get(slot=slot)
        add_plugin(placeholder, plugin_type, LANGUAGE, **data)
    Version.objects.get_for_content(content).publish(user)
    if homepage:
        with transaction.atomic():
            page.set_as_homepage(user)
    if apphook:
        mark_urlconf_as_changed()
    if stdout is not None:
        stdout.write(f"  page créée : {title}")
    return page


def revise_page(page, *, change, stdout=None):
    """Publish a new version of a published page, with `change(content)` applied.

    For a demo loaded by an earlier version of the site. Does nothing, and
    returns False, when someone is editing a draft of the page: the demo
    never publishes over their work.
    """
    latest = PageContent.admin_manager.latest_content().filter(page=page, language=LANGUAGE)
    version = Version.objects.get_for_content(latest.get())
    if version.state != PUBLISHED:
        if stdout is not None:
            stdout.write(f"  page en cours de modification, laissée telle quelle : {page}")
        return False
    user = demo_user()
    draft = version.copy(user)
    change(draft.content)
    draft.publish(user)
    if page.application_urls:
        mark_urlconf_as_changed()
    if stdout is not None:
        stdout.write(f"  page mise à jour : {page}")
    return True


def text_plugins(content, slot):
    """The text plugins of a page content's slot, with their body."""
    placeholder = content.get_placeholders().get(slot=slot)
    return [
        plugin.get_bound_plugin()
        for plugin in placeholder.get_plugins(LANGUAGE).filter(plugin_type="TextPlugin")
    ]


def text(html):
    """A text plugin for `ensure_page(plugins=...)`."""
    return ("TextPlugin", {"body": html})


def demo_folder(name):
    folder, _ = Folder.objects.get_or_create(name=name, parent=None)
    return folder


def _font(size):
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    ):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def illustration_bytes(label, *, colour="#0d5c63", size=(1200, 800), kind="Illustration"):
    """A neutral generated picture that says it is an illustration."""
    width, height = size
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    # A few soft shapes so that galleries do not look identical.
    seed = sum(ord(c) for c in label)
    for i in range(5):
        r = 80 + (seed * (i + 3)) % 220
        x = (seed * (i + 7) * 37) % width
        y = (seed * (i + 5) * 53) % height
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_lighter(colour, 0.12 + i * 0.05))
    title_font = _font(max(28, width // 22))
    small_font = _font(max(18, width // 40))
    draw.text((width // 2, height // 2), label, fill="white", font=title_font, anchor="mm")
    draw.text(
        (width // 2, height // 2 + width // 14),
        f"{kind} — image d'exemple",
        fill="white",
        font=small_font,
        anchor="mm",
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _lighter(hex_colour, amount):
    hex_colour = hex_colour.lstrip("#")
    rgb = [int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)]
    return tuple(int(c + (255 - c) * amount) for c in rgb)


def ensure_illustration(
    *, filename, label, folder, alt, colour="#0d5c63", size=(1200, 800), kind="Illustration"
):
    """A generated filer image, created once and found by folder and filename."""
    existing = Image.objects.filter(folder=folder, original_filename=filename).first()
    if existing is not None:
        return existing
    data = illustration_bytes(label, colour=colour, size=size, kind=kind)
    image = Image(
        folder=folder,
        original_filename=filename,
        name=label,
        default_alt_text=alt,
        default_caption="Illustration d'exemple",
        owner=None,
        is_public=True,
    )
    image.file.save(filename, ContentFile(data), save=False)
    image.save()
    return image


def figure(image, *, alt, caption="", credit="Illustration d'exemple"):
    """A figure plugin for `ensure_page(plugins=...)`."""
    return ("FigurePlugin", {"image": image, "alt_text": alt, "caption": caption, "credit": credit})


DATA = DemoData(
    __file__,
    required={
        "site": ("domain", "name"),
        "illustrations_folder": (),
        "illustrations": ("maquette", "agora"),
        "pages": ("reverse_id", "title", "slug", "plugins"),
        "shared_contents": ("static_code", "publish"),
    },
)


def name_the_site():
    """Replace Django's "example.com" (shown in the CMS toolbar and feeds) once."""
    site = Site.objects.get_current()
    if site.domain == "example.com":
        site.domain = DATA["site"]["domain"]
        site.name = DATA["site"]["name"]
        site.save()


def page_plugins(plugins, *, illustrations):
    """`ensure_page(plugins=...)` from a page's plugins in coop_site/demo.yaml."""
    result = []
    for plugin in plugins:
        if "text" in plugin:
            result.append((plugin["slot"], *text(plugin["text"])))
        else:
            image = illustrations[plugin["figure"]]
            result.append(
                (plugin["slot"], *figure(image, alt=plugin["alt"], caption=plugin["caption"]))
            )
    return result


def shared_content_plugins(data, *, folder):
    """`ensure_shared_content(plugins=...)` from coop_site/demo.yaml."""
    plugins = []
    if "intro" in data:
        plugins.append(("TextPlugin", {"body": data["intro"]}, []))
    if "text" in data:
        plugins.append(("TextPlugin", {"body": data["text"]}, []))
    if data.get("partner_logos"):
        # The partners' logos, read from the partners app's records (partners/demo.yaml).
        plugins.append(("PartnerLogosPlugin", {}, []))
    return plugins


def load(*, stdout):
    name_the_site()
    folder = demo_folder(DATA["illustrations_folder"])
    for data in DATA["shared_contents"]:
        created = ensure_shared_content(
            data["static_code"],
            user=demo_user(),
            publish=data["publish"],
            plugins=shared_content_plugins(data, folder=folder),
        )
        if created:
            state = "publié" if data["publish"] else "en brouillon"
            stdout.write(f"  contenu partagé créé ({state}) : {data['static_code']}")
    illustrations = {
        key: ensure_illustration(**fields, folder=folder)
        for key, fields in DATA["illustrations"].items()
    }
    for data in DATA["pages"]:
        fields = dict(data)
        fields["plugins"] = page_plugins(fields["plugins"], illustrations=illustrations)
        if "parent" in fields:
            fields["parent"] = find_page(fields["parent"])
        ensure_page(**fields, stdout=stdout)
