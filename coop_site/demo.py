"""Demo content: the extension point and the site-wide pages.

`manage.py load_demo` runs every loader named in `settings.COOP_DEMO_LOADERS`,
in order, each a `load(*, stdout)` function. Loaders find before they create,
so a second run creates nothing and changes nothing. The helpers below
(`DemoData`, `ensure_page`, `ensure_illustration`, `demo_user`) are shared by
every app's loader.

A loader is only the loading logic: its data (texts, dates, figures) lives in
a YAML file beside it (`houses/demo.py` reads `houses/demo.yaml`), declared as
the module's `DATA = DemoData(__file__, required=...)`.

The prose is written from ../shared/seed/ (the association's own page and
gathered facts); nothing here is presented as fact that is not in the seed.
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

LANGUAGE = "fr"
DEMO_USERNAME = "contenu-demo"


class DemoDataError(ValueError):
    """A demo data file lacks a key its loader needs."""


class DemoData:
    """The YAML data file beside a demo loader, checked once when first read.

    `required` maps each top-level key the loader reads to the keys every
    item of its list (or every value of its mapping) must have, or to ().
    `DATA.data` is the parsed file; a missing key raises `DemoDataError`
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
            items = data[key].values() if isinstance(data[key], dict) else data[key]
            for index, item in enumerate(items if item_keys else ()):
                for item_key in item_keys:
                    if item_key not in item:
                        raise DemoDataError(
                            f"{self.path} : la clé « {item_key} » manque dans {key}[{index}]"
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


def ensure_illustration(*, filename, label, folder, alt, colour="#0d5c63", size=(1200, 800)):
    """A generated filer image, created once and found by folder and filename."""
    existing = Image.objects.filter(folder=folder, original_filename=filename).first()
    if existing is not None:
        return existing
    data = illustration_bytes(label, colour=colour, size=size)
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


# --- The site-wide pages ------------------------------------------------------

HOME_INTRO = """
<p>À Romans-sur-Isère, trois maisons de quartier et l'Accorderie ont choisi de travailler
ensemble plutôt que chacune de son côté. Elles forment la <strong>Coopération</strong>.</p>
<p>Ici, vous trouvez votre maison de quartier, ses horaires, ses activités et ce qui se passe
cette semaine.</p>
"""

COOPERATION_INTRO = """
<p>Coopérer, c'est prendre part à une œuvre commune. Depuis 2014-2015, les maisons de
quartier de Romans-sur-Isère avancent ensemble : elles forment aujourd'hui un acteur
collectif, la Coopération.</p>
"""

COOPERATION_BODY = """
<h2>D'où vient la Coopération ?</h2>
<p>En 2014 et 2015, les subventions de la ville aux associations ont fortement baissé.
Les maisons de quartier auraient pu se faire concurrence. Elles ont choisi la solidarité.
Avec les habitants, les membres des conseils d'administration et les professionnels,
elles ont construit pas à pas un projet commun.</p>
<p>Ce projet repose sur un <strong>socle commun d'existence</strong> : des valeurs partagées,
trois principes d'action (l'éducation populaire, la transmission culturelle et le
développement durable), des fonctions supports, des postures d'accompagnement et des façons
d'intervenir communes. Une maquette a été fabriquée pour présenter ce socle.</p>
<p>Les trois projets associatifs ont été renouvelés ensemble, au cours d'une démarche appelée
« Au fil des quartiers ».</p>

<h2>Coopérer, pour quoi faire ?</h2>
<p>La Coopération sert les maisons elles-mêmes et les habitants de tout le territoire
romanais. Concrètement, elle apporte :</p>
<ul>
<li>de nouvelles actions communes, et l'accès des habitants aux activités des trois maisons ;</li>
<li>une identité affirmée et plus visible dans la ville : un site internet, un journal,
une émission de radio chaque semaine ;</li>
<li>une réflexion commune sur des sujets qui traversent tous les quartiers ;</li>
<li>des façons de travailler plus coopératives, innovantes et solidaires, pour les salariés
comme pour les bénévoles.</li>
</ul>

<h2>La Coopération en chiffres (2018)</h2>
<ul>
<li>3 agréments « centre social » de la CAF, un pour chaque maison ;</li>
<li>1 agrément « Espace de vie sociale » pour la Coopération, obtenu au printemps 2018 ;</li>
<li>plus de 80 bénévoles engagés dans les conseils d'administration et les groupes projets ;</li>
<li>24 salariés permanents ;</li>
<li>plus de 90 associations locales accueillies dans les locaux ;</li>
<li>3 quartiers : deux équipements au cœur de quartiers prioritaires, un dans un quartier
résidentiel en développement.</li>
</ul>
<p><small>Source : la Coopération, 2018.</small></p>

<h2>L'Accorderie rejoint la Coopération</h2>
<p>Fin 2017, l'Accorderie de Romans, un réseau où les habitants échangent des services en
temps plutôt qu'en argent, a rejoint la Coopération.</p>

<h2>Les fiches actions 2018</h2>
<p>En 2018, la Coopération a travaillé sur cinq fiches : la Conserverie, la Mobilité,
la Radio, la Culture et l'Économie de partage.</p>
<p>La <strong>Conserverie mobile et solidaire</strong> est un camion aménagé en atelier de
conserverie, sorti d'usine en septembre 2017 : la première conserverie mobile et solidaire
de France. Habitants et bénévoles récupèrent les fruits et légumes invendus de producteurs
locaux et les transforment en conserves.</p>
<p>La même année, la Coopération a été choisie comme territoire pilote de la démarche
« chaîne de valeur » portée par La Fonda, Le Labo de l'ESS et l'Avise.</p>
"""

COOPERATION_SIDEBAR = """
<h2>À retenir</h2>
<p>3 maisons de quartier, l'Accorderie, 24 salariés et plus de 80 bénévoles, au service
des habitants de Romans-sur-Isère.</p>
"""

AGORA_INTRO = """
<p>L'AGORA est un mobilier de rue fabriqué par les maisons de quartier pour aller à la
rencontre des habitants, là où ils vivent.</p>
"""

AGORA_BODY = """
<h2>Un mobilier pour débattre dehors</h2>
<p>L'AGORA est née pendant « Au fil des quartiers », la démarche qui a renouvelé les projets
des trois maisons et donné naissance au socle commun de la Coopération. Elle a servi à
animer 16 rencontres dans l'espace public.</p>
<p>Le mobilier mesure moins de 80 cm de haut : l'équipe peut donc s'installer rapidement,
sans autorisation préalable. Les habitants le reconnaissent vite : « ah, ça, ce sont les
maisons de quartier ».</p>

<h2>Un thème choisi selon le lieu</h2>
<ul>
<li>le logement, devant la Caisse d'allocations familiales ;</li>
<li>l'éducation, à côté d'une aire de jeux ;</li>
<li>le numérique, sur le parvis de la médiathèque.</li>
</ul>
<p>En 2018, une AGORA a posé la question : « Est-ce que jeter coûte de l'argent ? »</p>

<h2>Comment se passe un débat ?</h2>
<p>Des <strong>animateurs de séance</strong> mènent la discussion. D'autres animateurs,
appelés les <strong>« papillons »</strong>, vont vers les passants et les invitent à
rejoindre le débat.</p>
"""

LEGAL_BODY = """
<h2>Éditeur du site</h2>
<p>Ce site est édité par la Coopération des Maisons de Quartier de Romans-sur-Isère, qui
réunit la Maison de quartier Saint-Nicolas, la Maison de quartier des Ors, la Maison
Citoyenne Noël Guichard et l'Accorderie de Romans.</p>
<p>Directeur ou directrice de la publication, adresse du siège et hébergeur : ces
informations sont à compléter par l'administrateur du site avant la mise en ligne.</p>

<h2>Données personnelles</h2>
<p>Les messages envoyés par les formulaires de contact sont conservés par la maison
destinataire pour y répondre, puis supprimés. Ils ne sont ni vendus ni transmis à d'autres
organismes. Vous pouvez demander à consulter, corriger ou supprimer vos données en écrivant
à votre maison de quartier par son formulaire de contact.</p>

<h2>Cookies et mesure d'audience</h2>
<p>Ce site ne dépose aucun cookie publicitaire et n'utilise aucun outil de mesure d'audience
tiers. Seules les personnes de l'équipe qui se connectent reçoivent un cookie de session,
nécessaire à l'administration du site.</p>

<h2>Accessibilité</h2>
<p>Le site vise la conformité au Référentiel général d'amélioration de l'accessibilité
(RGAA). Si un contenu vous est inaccessible, signalez-le par le formulaire de contact d'une
maison : nous vous le fournirons sous une autre forme.</p>
"""


def name_the_site():
    """Replace Django's "example.com" (shown in the CMS toolbar and feeds) once."""
    site = Site.objects.get_current()
    if site.domain == "example.com":
        site.domain = "127.0.0.1:8000"
        site.name = "Coopération des Maisons de Quartier"
        site.save()


def load(*, stdout):
    name_the_site()
    folder = demo_folder("Illustrations de démonstration")
    maquette = ensure_illustration(
        filename="maquette-socle-commun.jpg",
        label="La maquette du socle commun",
        folder=folder,
        alt="Illustration : la maquette qui présente le socle commun de la Coopération",
        colour="#0d5c63",
    )
    agora = ensure_illustration(
        filename="agora-espace-public.jpg",
        label="L'AGORA dans l'espace public",
        folder=folder,
        alt="Illustration : le mobilier AGORA installé sur une place",
        colour="#b33c12",
    )
    ensure_page(
        reverse_id="home",
        title="La Coopération des Maisons de Quartier de Romans-sur-Isère",
        menu_title="Accueil",
        slug="accueil",
        template="pages/home.html",
        meta_description=(
            "Trois maisons de quartier et l'Accorderie agissent ensemble à Romans-sur-Isère : "
            "horaires, activités, agenda et actualités."
        ),
        plugins=[("home_intro", *text(HOME_INTRO))],
        homepage=True,
        stdout=stdout,
    )
    cooperation = ensure_page(
        reverse_id="la-cooperation",
        title="La Coopération",
        slug="la-cooperation",
        template="pages/two_columns.html",
        meta_description=(
            "Ce qu'est la Coopération des Maisons de Quartier de Romans-sur-Isère, "
            "pourquoi coopérer et ses chiffres clés."
        ),
        plugins=[
            ("intro", *text(COOPERATION_INTRO)),
            ("content", *text(COOPERATION_BODY)),
            (
                "content",
                *figure(
                    maquette,
                    alt="Illustration : la maquette qui présente le socle commun de la Coopération",
                    caption="La maquette du socle commun (image d'exemple).",
                ),
            ),
            ("sidebar", *text(COOPERATION_SIDEBAR)),
        ],
        stdout=stdout,
    )
    ensure_page(
        reverse_id="agora",
        title="Animer dans l'espace public",
        slug="animer-dans-l-espace-public",
        parent=cooperation,
        template="pages/two_columns.html",
        meta_description="L'AGORA, le mobilier des maisons de quartier pour débattre dans la rue.",
        plugins=[
            ("intro", *text(AGORA_INTRO)),
            ("content", *text(AGORA_BODY)),
            (
                "content",
                *figure(
                    agora,
                    alt="Illustration : le mobilier AGORA installé sur une place",
                    caption="L'AGORA pendant un débat de quartier (image d'exemple).",
                ),
            ),
        ],
        stdout=stdout,
    )
    ensure_page(
        reverse_id="mentions-legales",
        title="Mentions légales",
        slug="mentions-legales",
        in_navigation=False,
        plugins=[("content", *text(LEGAL_BODY))],
        stdout=stdout,
    )
