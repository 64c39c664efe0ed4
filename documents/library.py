"""The library's registry: other apps add their entries to /documents/ without documents importing them.

An app registers a *source* from its `AppConfig.ready()`: a function without
arguments that returns the `LibraryEntry` items it publishes. The library
calls each source once per page and lists its entries next to the documents.
A source's entries speak for the whole Coopération: they follow the year and
type filters, and the house filter only when it is the Coopération itself.

    # evaluation/apps.py
    from documents.library import register_source
    register_source("evaluation.reports", published_report_entries)
"""

from dataclasses import dataclass, field
from datetime import date

from .models import Document

PDF = Document.Kind.PDF  # the kind of a source's PDF entries

_sources = {}


@dataclass
class LibraryEntry:
    """One downloadable item of the library: a document, or an evaluation report."""

    title: str
    year: int
    kind: str
    kind_label: str
    size: int | None
    page_count: int | None
    date: date | None
    download_url: str
    description: str = ""
    houses: list = field(default_factory=list)
    page_url: str = ""
    category: str = ""
    is_sample: bool = False


def register_source(name, source):
    """Adds (or replaces, under the same name) a function returning library entries."""
    _sources[name] = source


def source_entries():
    """The entries of every registered source, in the order they were registered."""
    return [entry for source in _sources.values() for entry in source()]
