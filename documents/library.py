"""The library's registry: other apps add their entries to /documents/ without documents importing them.

The library is one list ordered and paginated by the database: a `UNION` of
the documents' rows and every source's rows, in the common `COLUMNS` (built
by `entry_rows`). Only the page's rows become `LibraryEntry` items, fetched
in one query per source present on the page.

An app registers a *source* from its `AppConfig.ready()`, with two functions:

- `rows(*, year=None, kind="")`: its public items matching the year and type
  filters, as `entry_rows(queryset, source=name)`; the database does the rest;
- `entries(pks)`: the `LibraryEntry` of those items, by pk, in one query.

A source's entries speak for the whole Coopération: they follow the year and
type filters, and the house filter only when it is the Coopération itself
(documents then adds the source's rows; it leaves them out for another house).

    # evaluation/apps.py
    from documents.library import register_source
    register_source("evaluation.reports", rows=report_rows, entries=report_entries)
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import CharField, F, Value

from .models import Document

PDF = Document.Kind.PDF  # the kind of a source's PDF entries

# The columns every part of the union has, in this order: newest first, and on a
# tie (same date and year) by source key ("documents" before "evaluation.reports"),
# then the newest entered first, so that pages never overlap.
COLUMNS = ("entry_on", "entry_year", "entry_source", "entry_pk")
ORDERING = ("-entry_on", "-entry_year", "entry_source", "-entry_pk")
DOCUMENTS = "documents"  # the documents' own source key, first on a tie


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
    houses: list = field(default_factory=list)  # the short names of the houses concerned
    page_url: str = ""
    category: str = ""
    is_sample: bool = False


@dataclass(frozen=True)
class Source:
    rows: Callable  # (*, year=None, kind="") -> the rows of `entry_rows`
    entries: Callable  # (pks) -> {pk: LibraryEntry}


_sources = {}


def register_source(name, *, rows, entries):
    """Adds (or replaces, under the same name) a source of library entries."""
    _sources[name] = Source(rows=rows, entries=entries)


def sources():
    """The registered sources by name, in the order they were registered."""
    return dict(_sources)


def entry_rows(queryset, *, source, date="published_on", year="year"):
    """The queryset's items in the library's common columns, ready to be unioned.

    `date` and `year` name a date field and an integer field of the model. A
    part of a union carries no ordering of its own (SQLite refuses it).
    """
    return (
        queryset.order_by()
        .annotate(
            entry_on=F(date),
            entry_year=F(year),
            entry_source=Value(source, output_field=CharField()),
            entry_pk=F("pk"),
        )
        .values(*COLUMNS)
    )
