"""The house page's registry: sections other apps add to /maisons/<slug>/, unknown to houses.

An app registers a section from its `AppConfig.ready()`: a template and a
function that takes the house and returns the template's extra context. The
page renders each section where `{% house_sections house %}` stands, in the
order of registration, with the page's context plus the section's.

    # news/apps.py
    from houses.sections import register_section
    register_section("news", template="news/includes/house_section.html", context=latest_for)
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable


_sections = {}


def register_section(name, *, template, context):
    """Adds (or replaces, under the same name) a section of the house page."""
    _sections[name] = Section(template=template, context=context)


def sections():
    return list(_sections.values())
