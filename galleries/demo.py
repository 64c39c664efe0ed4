"""Demo data of the galleries app: the socle commun maquette and the AGORA.

Both pages exist and are published by coop_site's loader; a gallery joins
them through a new draft that is published at once, and only if the page
does not hold that gallery yet (in any version), so a second run is a no-op.
"""

from cms.api import add_plugin
from cms.models import PageContent, Placeholder
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

from coop_site.demo import LANGUAGE, demo_folder, demo_user, ensure_illustration, find_page

from .models import Gallery, GalleryItem

MAQUETTE_TITLE = "La maquette du socle commun en images"
AGORA_TITLE = "L'AGORA dans les quartiers"
HOME_BANNER_TITLE = "Les maisons de quartier en images"
HOME_BANNER_SCENES = [
    ("bandeau-1-accueil.jpg", "Un accueil ouvert à tous", "#0d5c63"),
    ("bandeau-2-conserverie.jpg", "La Conserverie mobile et solidaire", "#b33c12"),
    ("bandeau-3-agora.jpg", "Une AGORA dans la rue", "#1d6b35"),
]

MAQUETTE_PARTS = [
    ("maquette-1-valeurs.jpg", "Les valeurs partagées", "#0d5c63"),
    ("maquette-2-principes.jpg", "Les trois principes d'action", "#1d6b35"),
    ("maquette-3-fonctions.jpg", "Les fonctions supports", "#6a3d9a"),
    ("maquette-4-postures.jpg", "Les postures d'accompagnement", "#b33c12"),
    ("maquette-5-interventions.jpg", "Les modes d'intervention", "#8a5300"),
]

AGORA_SCENES = [
    ("agora-logement.jpg", "Le logement, devant la CAF", "#b33c12"),
    ("agora-education.jpg", "L'éducation, près d'une aire de jeux", "#0d5c63"),
    ("agora-numerique.jpg", "Le numérique, devant la médiathèque", "#1d6b35"),
    ("agora-papillons.jpg", "Les « papillons » vont vers les passants", "#6a3d9a"),
]


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


def load(*, stdout):
    folder = demo_folder("Galerie : la maquette du socle commun")
    for filename, label, colour in MAQUETTE_PARTS:
        ensure_illustration(
            filename=filename,
            label=label,
            folder=folder,
            alt=f"Illustration d'exemple : {label.lower()}, une partie de la maquette du socle commun",
            colour=colour,
        )
    add_to_published_page(
        reverse_id="la-cooperation",
        plugin_type="GalleryPlugin",
        title=MAQUETTE_TITLE,
        data={"folder": folder},
        stdout=stdout,
    )

    agora_folder = demo_folder("Illustrations de démonstration")
    items = []
    for filename, label, colour in AGORA_SCENES:
        image = ensure_illustration(
            filename=filename,
            label=label,
            folder=agora_folder,
            alt=f"Illustration d'exemple : une AGORA, {label[0].lower()}{label[1:]}",
            colour=colour,
        )
        items.append(
            {
                "image": image,
                "alt_text": image.default_alt_text,
                "caption": f"{label} (image d'exemple).",
                "credit": "Illustration d'exemple",
            }
        )
    add_to_published_page(
        reverse_id="agora",
        plugin_type="GalleryPlugin",
        title=AGORA_TITLE,
        data={},
        items=items,
        stdout=stdout,
    )
    # The home page's banner: a slideshow fed by its own media-library folder,
    # so that staff change it by dropping pictures there.
    banner_folder = demo_folder("Bandeau de l'accueil")
    for filename, label, colour in HOME_BANNER_SCENES:
        ensure_illustration(
            filename=filename,
            label=label,
            folder=banner_folder,
            alt=f"Illustration d'exemple : {label[0].lower()}{label[1:]}",
            colour=colour,
            size=(1600, 600),
        )
    add_to_published_page(
        reverse_id="home",
        plugin_type="SlideshowPlugin",
        title=HOME_BANNER_TITLE,
        data={"folder": banner_folder},
        slot="home_banner",
        stdout=stdout,
    )
