"""What an editor must fix, or may accept, before a page or a news item goes public.

`check_content(obj)` renders the draft as a visitor would get it
(content_checks/rendering.py) and reads the HTML, block by block: the same
checks cover every plugin, whatever app it comes from. A few checks read
the blocks' own fields where the HTML cannot tell (an image whose alt text
was left empty looks decorative once rendered; a missing file is left out
of the page by the project's templates, so it leaves no trace to read).

Blocking problems (an image without alt text, a link to nothing) stop the
publication; warnings are shown and the editor may publish anyway.
"""

import logging
import re
from dataclasses import dataclass

from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext as _
from lxml import etree
from lxml import html as lxml_html

from coop_site.uploads import is_stored

from . import links
from .rendering import END, START, render_content

logger = logging.getLogger(__name__)

BLOCKING, WARNING = "blocking", "warning"

# Link texts that do not say where the link goes, read alone (WCAG 2.4.4).
VAGUE_LINK_TEXTS = frozenset(
    {
        "ici",
        "cliquez ici",
        "cliquer ici",
        "clique ici",
        "par ici",
        "lien",
        "ce lien",
        "en savoir plus",
        "lire la suite",
        "plus",
        "voir",
        "suite",
    }
)
BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
HEADINGS = {f"h{level}": level for level in range(1, 7)}


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    message: str  # French, shown to the editor
    plugin_id: int | None = None
    plugin_name: str = ""  # the block's kind, in French (« Texte »)
    placeholder: str = ""  # the zone of the page (« Contenu principal »)
    excerpt: str = ""

    @property
    def is_blocking(self):
        return self.severity == BLOCKING


@dataclass
class Report:
    obj: object
    problems: list

    @property
    def blocking(self):
        return [problem for problem in self.problems if problem.is_blocking]

    @property
    def warnings(self):
        return [problem for problem in self.problems if not problem.is_blocking]

    def __bool__(self):
        return bool(self.problems)


def plugin_name(plugin):
    try:
        return str(plugin_pool.get_plugin(plugin.plugin_type).name)
    except KeyError:
        return plugin.plugin_type


def _text(element):
    return " ".join(element.text_content().split())


# The text editor (djangocms-text's TipTap) writes the widths of a table's columns
# itself: that is the editor's own markup, not formatting pasted from elsewhere.
EDITOR_SIZED_TAGS = {"table", "colgroup", "col", "th", "td"}
EDITOR_SIZES = {"width", "min-width"}


def _editor_sizing(node):
    if node.tag.lower() not in EDITOR_SIZED_TAGS:
        return False
    properties = [part.split(":", 1)[0].strip().lower() for part in node.get("style").split(";")]
    return all(name in EDITOR_SIZES for name in properties if name)


def _short(text, length=80):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def accessible_name(element):
    """What a screen reader announces for a link or a button."""
    label = (element.get("aria-label") or "").strip()
    if label:
        return label
    parts = [_text(element)]
    parts += [(img.get("alt") or "").strip() for img in element.iter("img")]
    parts.append((element.get("title") or "").strip())
    return " ".join(part for part in parts if part).strip()


def _normalised(text):
    return re.sub(r"[\s\W_]+", " ", text.lower()).strip()


def _is_hidden(element):
    return element.get("aria-hidden") == "true" or element.get("role") in {"presentation", "none"}


class _Walker:
    """Reads one placeholder's HTML in document order, knowing which block each tag comes from."""

    def __init__(self, checker, rendered):
        self.checker = checker
        self.rendered = rendered
        self.stack = []
        self.last_heading = 1  # the page's own title is the h1
        self.styled_plugins = set()

    @property
    def plugin_id(self):
        return self.stack[-1] if self.stack else None

    def add(self, code, severity, message, excerpt=""):
        self.checker.add(
            code,
            severity,
            message,
            plugin_id=self.plugin_id,
            placeholder=self.rendered.label,
            excerpt=_short(excerpt),
        )

    def walk(self):
        if not self.rendered.html.strip():
            return
        root = lxml_html.fragment_fromstring(self.rendered.html, create_parent="div")
        for node in root.iter():
            if node.tag is etree.Comment:
                self.comment(node.text or "")
            elif isinstance(node.tag, str):
                self.element(node)

    def comment(self, text):
        if text.startswith(START):
            self.stack.append(int(text[len(START) :]))
        elif text.startswith(END) and self.stack:
            self.stack.pop()

    def element(self, node):
        tag = node.tag.lower()
        if (node.get("style") is not None and not _editor_sizing(node)) or tag == "font":
            self.pasted_style(node)
        method = getattr(self, f"check_{tag}", None)
        if method is not None:
            method(node)
        elif tag in HEADINGS:
            self.heading(node, HEADINGS[tag])

    def pasted_style(self, node):
        if self.plugin_id in self.styled_plugins:
            return  # one warning per block is enough
        self.styled_plugins.add(self.plugin_id)
        self.add(
            "inline_style",
            WARNING,
            _(
                "Ce bloc contient une mise en forme collée d'un autre logiciel (couleurs, "
                "polices ou tailles imposées) : elle ne suit pas le style du site et peut "
                "rendre le texte illisible. Collez le texte sans mise en forme, puis "
                "utilisez les styles de l'éditeur."
            ),
            _text(node),
        )

    def heading(self, node, level):
        text = _text(node)
        if not text:
            self.add(
                "empty_heading",
                WARNING,
                _("Un titre de niveau %(level)d est vide : supprimez-le, ou écrivez son texte.")
                % {"level": level},
            )
        if level == 1:
            self.add(
                "heading_h1",
                WARNING,
                _(
                    "Le titre « %(text)s » est de niveau 1, comme le titre de la page : "
                    "commencez les titres du contenu au niveau 2."
                )
                % {"text": _short(text, 60)},
                text,
            )
        elif level > self.last_heading + 1:
            self.add(
                "heading_skip",
                WARNING,
                _(
                    "Le titre « %(text)s » est de niveau %(level)d alors que le précédent "
                    "est de niveau %(previous)d : un niveau est sauté, ce qui perd les "
                    "personnes qui parcourent la page par ses titres. Choisissez le "
                    "niveau %(expected)d."
                )
                % {
                    "text": _short(text, 60),
                    "level": level,
                    "previous": self.last_heading,
                    "expected": self.last_heading + 1,
                },
                text,
            )
        self.last_heading = level

    def check_img(self, node):
        if node.get("alt") is None and not _is_hidden(node):
            self.add(
                "image_alt",
                BLOCKING,
                _(
                    "Une image n'a pas de texte alternatif : décrivez-la pour les personnes "
                    "qui ne la voient pas, ou marquez-la comme décorative."
                ),
                node.get("src", ""),
            )
        self.file_reference(node.get("src"))

    def check_a(self, node):
        href = node.get("href")
        if href is None:
            return  # an anchor (name/id), not a link
        name = accessible_name(node)
        if not href.strip() or href.strip() == "#":
            self.add(
                "link_nowhere",
                BLOCKING,
                _(
                    "Le lien « %(text)s » ne mène nulle part (adresse vide) : choisissez sa "
                    "destination, ou retirez le lien."
                )
                % {"text": _short(name, 60) or _("sans texte")},
                name,
            )
            return
        if not name:
            self.add(
                "link_empty",
                BLOCKING,
                _(
                    "Un lien n'a pas de texte (vers %(href)s) : un lecteur d'écran ne peut "
                    "rien en dire. Écrivez où il mène, ou retirez-le."
                )
                % {"href": _short(href, 60)},
                href,
            )
        elif _normalised(name) in VAGUE_LINK_TEXTS:
            self.add(
                "link_vague",
                WARNING,
                _(
                    "Le texte du lien « %(text)s » ne dit pas où il mène, une fois lu seul : "
                    "écrivez plutôt sa destination (« le programme de l'été », « les "
                    "horaires des Ors »)."
                )
                % {"text": name},
                name,
            )
        elif BARE_URL.match(name):
            self.add(
                "link_bare_url",
                WARNING,
                _(
                    "Le texte du lien est une adresse web brute (« %(text)s ») : un lecteur "
                    "d'écran l'épelle. Écrivez plutôt ce que la personne y trouvera."
                )
                % {"text": _short(name, 60)},
                name,
            )
        self.link_target(href, name)

    def check_span(self, node):
        # djangocms-text turns a link to a page that is gone, or not public, into a span.
        if node.get("data-cms-error") == "ref-not-found":
            self.add(
                "link_missing_page",
                BLOCKING,
                _(
                    "Le lien « %(text)s » mène à une page supprimée ou pas encore publiée : "
                    "choisissez une autre page, publiez d'abord celle-ci, ou retirez le lien."
                )
                % {"text": _short(_text(node), 60)},
                _text(node),
            )

    def check_button(self, node):
        if not accessible_name(node):
            self.add(
                "button_empty",
                BLOCKING,
                _("Un bouton n'a pas de texte : écrivez ce qu'il fait, ou retirez-le."),
            )

    def check_table(self, node):
        has_header = node.find(".//th") is not None
        if not has_header:
            self.add(
                "table_header",
                WARNING,
                _(
                    "Un tableau n'a pas de ligne d'en-tête : marquez sa première ligne comme "
                    "en-tête, pour qu'un lecteur d'écran annonce chaque colonne."
                ),
                _text(node),
            )

    def check_video(self, node):
        self.file_reference(node.get("src"))
        for source in node.iter("source"):
            self.file_reference(source.get("src"))
        kinds = {(track.get("kind") or "").lower() for track in node.iter("track")}
        # As the site's media block asks (galleries.MediaBlock): subtitles, or a transcript.
        if not (kinds & {"captions", "subtitles"} or self.has_transcript(node)):
            self.add(
                "video_captions",
                WARNING,
                _(
                    "Une vidéo n'a ni sous-titres ni transcription : ajoutez un fichier de "
                    "sous-titres ou son texte, pour les personnes sourdes ou qui regardent "
                    "sans le son."
                ),
                node.get("src", ""),
            )

    def check_audio(self, node):
        self.file_reference(node.get("src"))
        for source in node.iter("source"):
            self.file_reference(source.get("src"))
        has_track = node.find(".//track") is not None
        if not (has_track or self.has_transcript(node)):
            self.add(
                "audio_transcript",
                WARNING,
                _(
                    "Un enregistrement audio n'a pas de transcription : ajoutez son texte, "
                    "pour les personnes sourdes ou malentendantes."
                ),
                node.get("src", ""),
            )

    def has_transcript(self, node):
        return bool(node.get("aria-describedby")) or self.transcript_near(node)

    def transcript_near(self, node):
        parent = node.getparent()
        for ancestor in (parent, parent.getparent() if parent is not None else None):
            if ancestor is None:
                continue
            for element in ancestor.iter():
                classes = (
                    (element.get("class") or "").lower() if isinstance(element.tag, str) else ""
                )
                if "transcript" in classes or "transcription" in classes:
                    return True
        return False

    def file_reference(self, url):
        problem = links.check_file_url(url) if url else None
        if problem:
            self.add(
                "missing_file",
                BLOCKING,
                _(
                    "Ce bloc montre un fichier qui a disparu : %(reason)s Envoyez-le à nouveau "
                    "dans la médiathèque, ou choisissez-en un autre."
                )
                % {"reason": problem},
                url,
            )

    def link_target(self, href, name):
        problem = links.check_url(href, cache=self.checker.url_cache)
        if problem:
            code, message = problem
            self.add(
                code,
                BLOCKING,
                _("Le lien « %(text)s » est cassé : %(reason)s")
                % {"text": _short(name, 60), "reason": message},
                href,
            )


class Checker:
    def __init__(self, obj, *, url_cache=None):
        self.obj = obj
        self.problems = []
        self.url_cache = {} if url_cache is None else url_cache
        self.plugins = {}

    def add(self, code, severity, message, *, plugin_id=None, placeholder="", excerpt=""):
        plugin = self.plugins.get(plugin_id)
        problem = Problem(
            code=code,
            severity=severity,
            message=message,
            plugin_id=plugin_id,
            plugin_name=plugin_name(plugin) if plugin is not None else "",
            placeholder=placeholder,
            excerpt=excerpt,
        )
        if problem not in self.problems:
            self.problems.append(problem)

    def run(self):
        from cms.models import PageContent

        path = "/"
        if isinstance(self.obj, PageContent):
            path = "/" + (self.obj.page.get_path("fr") or "")
        rendering = render_content(self.obj, path=path)
        self.plugins = rendering.plugins
        for rendered in rendering.placeholders:
            _Walker(self, rendered).walk()
        for plugin in rendering.failed:
            self.add(
                "plugin_error",
                WARNING,
                _(
                    "Ce bloc n'a pas pu être affiché (erreur n° %(id)s) : les visiteurs ne "
                    "le verront pas. Ouvrez-le pour le corriger."
                )
                % {"id": plugin.pk},
                plugin_id=plugin.pk,
            )
        for plugin in rendering.plugins.values():
            self.check_fields(plugin)
        return Report(self.obj, self.problems)

    def check_fields(self, plugin):
        """What the HTML hides: an empty alt text renders as a decorative image; a missing
        file is left out of the page."""
        instance, _plugin_class = plugin.get_plugin_instance()
        if instance is None:
            return
        placeholder = str(plugin.placeholder.get_label()) if plugin.placeholder_id else ""
        if hasattr(instance, "is_decorative") and hasattr(instance, "alt_text"):
            image = getattr(instance, "image", None)
            if image is not None and not instance.is_decorative and not instance.alt_text.strip():
                self.add(
                    "image_alt",
                    BLOCKING,
                    _(
                        "L'image « %(name)s » n'a pas de texte alternatif : décrivez-la pour "
                        "les personnes qui ne la voient pas, ou cochez « image décorative »."
                    )
                    % {"name": image.label},
                    plugin_id=plugin.pk,
                    placeholder=placeholder,
                )
        # A block that links to one destination (blocks' call to action) leaves its link
        # out of the page when that destination is gone or not public.
        target_url = getattr(instance, "target_url", None)
        if callable(target_url) and not target_url():
            self.add(
                "link_missing_page",
                BLOCKING,
                _(
                    "Le lien « %(text)s » ne mène nulle part : sa destination a été supprimée "
                    "ou n'est pas publiée. Choisissez une autre destination, ou publiez-la."
                )
                % {"text": _short(str(getattr(instance, "text", "")), 60)},
                plugin_id=plugin.pk,
                placeholder=placeholder,
            )
        for file in links.files_of(instance):
            if not is_stored(file.file):
                self.add(
                    "missing_file",
                    BLOCKING,
                    _(
                        "Le fichier « %(name)s » a disparu de la médiathèque (son contenu "
                        "n'est plus sur le serveur) : envoyez-le à nouveau, ou choisissez-en "
                        "un autre."
                    )
                    % {"name": file.label},
                    plugin_id=plugin.pk,
                    placeholder=placeholder,
                )


def check_content(obj, *, url_cache=None):
    """The problems of `obj` (a draft PageContent, a news item), as a Report."""
    return Checker(obj, url_cache=url_cache).run()


def checked_or_none(obj):
    """The report, or None if the check itself failed: a bug of the checks is logged and
    must not keep an editor from publishing (nor answer a 500)."""
    try:
        return check_content(obj)
    except Exception:
        logger.exception("Vérifications avant publication de %r : échec du contrôle.", obj)
        return None
