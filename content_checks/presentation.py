"""Where an editor goes to fix a problem: the block, opened in the edit mode."""

from dataclasses import dataclass

from cms.toolbar.utils import get_object_edit_url

from .checker import Problem

# The edit mode opens on the page; content_checks/static/content_checks/focus-block.js
# scrolls to the block named after the # and opens its form.
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
