"""The staff guide in the admin (docs/guide/): staff only, through admin_view.

Part of coop_site's toolkit: it reads its own Markdown files and imports no app.
"""

from django.contrib import admin
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from . import chapters


def index_view(request):
    context = {
        **admin.site.each_context(request),
        "title": _("Guide de l'équipe"),
        "chapters": chapters.chapters(),
    }
    return TemplateResponse(request, "coop_site/guide/index.html", context)


def chapter_view(request, slug):
    chapter = chapters.chapter(slug)
    if chapter is None:
        raise Http404(_("Ce chapitre du guide n'existe pas."))
    all_chapters = chapters.chapters()
    position = [c.slug for c in all_chapters].index(slug)
    context = {
        **admin.site.each_context(request),
        "title": chapter.title,
        "chapter": chapter,
        # The guide's own files, written by the team in the repository.
        "body": mark_safe(chapter.render()),  # noqa: S308
        "previous": all_chapters[position - 1] if position else None,
        "next": all_chapters[position + 1] if position + 1 < len(all_chapters) else None,
    }
    return TemplateResponse(request, "coop_site/guide/chapter.html", context)


def image_view(request, name):
    path = chapters.image_path(name)
    if path is None:
        raise Http404(_("Cette image du guide n'existe pas."))
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
