"""The staff guide's chapters: the Markdown files of docs/guide/, read at each request.

A chapter is `NN-slug.md`: NN orders the index, its first `# ` line is its
title. Images are files of docs/guide/images/, named `images/<name>.png` in
the Markdown so that the files also read as they are in the repository;
`render()` points them at the staff-only image view, and a link to another
chapter (`publier.md`) at that chapter's page.
"""

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import markdown
from django.conf import settings
from django.urls import reverse
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

GUIDE_DIR = Path(settings.BASE_DIR) / "docs" / "guide"
IMAGES_DIR = GUIDE_DIR / "images"
CHAPTER_FILE = re.compile(r"^(?P<order>\d\d)-(?P<slug>[a-z0-9-]+)\.md$")
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")
IMAGE_REFERENCE = re.compile(r"!\[[^\]]*\]\(images/([^)\s]+)\)")


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    path: Path

    @property
    def source(self):
        return self.path.read_text(encoding="utf-8")

    def image_names(self):
        """The screenshots the chapter shows, as named in its Markdown."""
        return IMAGE_REFERENCE.findall(self.source)

    def render(self):
        return markdown.markdown(self.source, extensions=[GuideLinks()], output_format="html")


def chapters():
    found = []
    for path in sorted(GUIDE_DIR.glob("*.md")):
        match = CHAPTER_FILE.match(path.name)
        if match is None:  # README.md: the guide's own note for developers
            continue
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        found.append(Chapter(match["slug"], first_line.removeprefix("# ").strip(), path))
    return found


def chapter(slug):
    return next((chapter for chapter in chapters() if chapter.slug == slug), None)


def image_path(name):
    """The file of the screenshot `name`, or None: a bare file name of images/, nothing else."""
    if not IMAGE_NAME.match(name):
        return None
    path = IMAGES_DIR / name
    return path if path.is_file() else None


class _GuideLinksProcessor(Treeprocessor):
    def run(self, root: etree.Element):
        slugs = {f"{c.path.name}": c.slug for c in chapters()}
        for image in root.iter("img"):
            source = image.get("src", "")
            if source.startswith("images/"):
                image.set("src", reverse("guide:image", args=[source.removeprefix("images/")]))
        for link in root.iter("a"):
            target, _hash, fragment = link.get("href", "").partition("#")
            if target in slugs:
                url = reverse("guide:chapter", args=[slugs[target]])
                link.set("href", f"{url}#{fragment}" if fragment else url)


class GuideLinks(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_GuideLinksProcessor(md), "guide_links", 5)
