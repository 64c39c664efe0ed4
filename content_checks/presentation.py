"""Where an editor goes to fix a problem: the block, opened in the edit mode."""

from dataclasses import dataclass

from cms.toolbar.utils import get_object_edit_url

from .checker import Problem

# The edit mode opens on the page; content_checks/static/content_checks/focus-block.js
# (loaded by templates/base.html in edit mode) scrolls to the block named after the #
# and opens its form.
BLOCK_FRAGMENT = "bloc-{id}"


@dataclass(frozen=True)
class ProblemRow:
    problem: Problem
    url: str  # opens the block (or the page) in the edit mode


def block_url(obj, plugin_id):
    url = get_object_edit_url(obj)
    if url and plugin_id:
        url += "#" + BLOCK_FRAGMENT.format(id=plugin_id)
    return url


def problem_rows(obj, problems):
    return [ProblemRow(problem, block_url(obj, problem.plugin_id)) for problem in problems]


def publish_checks_response(request, obj, report, *, confirm_field):
    """The page shown instead of publishing: what refuses it, or what to accept first."""
    from cms.toolbar.utils import get_object_preview_url
    from django.contrib import admin
    from django.template.response import TemplateResponse
    from django.utils.translation import gettext as _

    if report.blocking:
        title = _("Publication refusée : des problèmes à corriger")
    else:
        title = _("Avant de publier : vérifiez ces avertissements")
    context = {
        **admin.site.each_context(request),
        "opts": obj._meta,
        "title": title,
        "subject": obj,
        "blocking_rows": problem_rows(obj, report.blocking),
        "warning_rows": problem_rows(obj, report.warnings),
        "confirm_field": confirm_field,
        "publish_url": request.get_full_path(),
        "back_url": get_object_edit_url(obj) or get_object_preview_url(obj),
    }
    return TemplateResponse(request, "content_checks/publish_checks.html", context)
