"""One search API; the backend follows the database (PostgreSQL full text, else folded text)."""

import dataclasses
from functools import reduce
from operator import or_
from urllib.parse import quote

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .indexing import CONFIG
from .models import Kind, SearchEntry
from .text import clean_query, query_words, snippet

PAGE_SIZE = 20
TYPO_SIMILARITY = 0.5
# Marks that cannot come from the text (private-use characters, stripped from the queries).
START, STOP = "\ue000", "\ue001"


@dataclasses.dataclass
class Results:
    query: str
    kind: str | None
    counts: list  # [(Kind, count)], the kinds that have hits, in the page's order
    total: int
    page: object  # a Paginator page of SearchEntry, each with .snippet and .link
    some_words: bool  # no entry had every word: these have some of them


def _kind_order():
    return Case(
        *[When(kind=value, then=Value(order)) for order, value in enumerate(Kind.values)],
        output_field=IntegerField(),
    )


def _visible():
    today = timezone.localdate()
    return SearchEntry.objects.filter(Q(visible_from__isnull=True) | Q(visible_from__lte=today))


def _postgresql(query, words, every):
    if every:
        search_query = SearchQuery(query, config=CONFIG, search_type="websearch")
    else:
        search_query = reduce(or_, [SearchQuery(word, config=CONFIG) for word in words])
    folded = " ".join(words)
    return (
        _visible()
        .annotate(
            similarity=TrigramWordSimilarity(Value(folded), "folded_title")
            + TrigramWordSimilarity(Value(folded), "folded_body") * Value(0.5),
            rank=SearchRank(F("search_vector"), search_query),
            headline=SearchHeadline(
                "body",
                search_query,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=40,
                min_words=20,
            ),
        )
        .filter(
            Q(search_vector=search_query)
            | Q(folded_title__trigram_word_similar=folded)
            | Q(folded_body__trigram_word_similar=folded)
        )
        .order_by(_kind_order(), F("rank").desc(), F("similarity").desc(), "-date", "title")
    )


def _fallback(words, every):
    hits = Q()
    words = [" " + word for word in words]  # from the start of a word, as indexed
    for word in words:
        hit = Q(folded_title__contains=word) | Q(folded_body__contains=word)
        hits = hits & hit if every else hits | hit
    # A word in the title counts twice a word in the text: title matches come first.
    rank = sum(
        Case(
            When(folded_title__contains=word, then=Value(2.0)),
            When(folded_body__contains=word, then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        for word in words
    )
    return (
        _visible()
        .filter(hits)
        .annotate(rank=rank)
        .order_by(_kind_order(), "-rank", "-date", "title")
    )


def _headline(entry, words):
    text = getattr(entry, "headline", None)
    if text and START in text:
        marked = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
        return mark_safe(marked)  # noqa: S308 - escaped just above, only our marks added
    return mark_safe(snippet(entry.body, words))  # noqa: S308 - snippet escapes the text


def _link(entry, query):
    if entry.kind == Kind.DOCUMENTS and entry.body and "#" not in entry.url:
        # A text fragment scrolls the report page to the words, where the browser can.
        return f"{entry.url}#:~:text={quote(query)}"
    return entry.url


def _backend(query, words, every):
    if connection.vendor == "postgresql":
        return _postgresql(query, words, every)
    return _fallback(words, every)


def _matches(query, words, every):
    matches = _backend(query, words, every)
    return matches, dict(matches.order_by().values_list("kind").annotate(n=Count("id")))


def narrow(queryset, query):
    """The objects of `queryset` whose search entry has every word of `query`.

    For the list pages' free-text filter: the same words, accents and case
    ignored, as the site search.
    """
    query = clean_query(query)
    words = query_words(query)
    if not words:
        return queryset
    prefix = f"{queryset.model._meta.label_lower}:"
    keys = (
        _backend(query, words, every=True)
        .filter(key__startswith=prefix)
        .order_by()
        .values_list("key", flat=True)
    )
    return queryset.filter(pk__in=[int(key.removeprefix(prefix)) for key in keys])


def search(query, kind=None, page=1):
    """The public entries matching `query`, grouped by kind, best first within each kind."""
    query = clean_query(query)
    words = query_words(query)
    kind = kind if kind in Kind.values else None
    if not words:
        return Results(query=query, kind=kind, counts=[], total=0, page=None, some_words=False)
    matches, by_kind = _matches(query, words, every=True)
    some_words = not by_kind and len(words) > 1
    if some_words:
        # Nothing has every word: show what has some of them, and say so.
        matches, by_kind = _matches(query, words, every=False)
    counts = [(Kind(value), by_kind[value]) for value in Kind.values if value in by_kind]
    total = by_kind.get(kind, 0) if kind else sum(by_kind.values())
    if kind:
        matches = matches.filter(kind=kind)
    paginator = Paginator(matches, PAGE_SIZE)
    paginator.count = total  # known already: spares the paginator its COUNT query
    results_page = paginator.get_page(page)
    for entry in results_page.object_list:
        entry.title_html = mark_safe(snippet(entry.title, words, width=300))  # noqa: S308 - escaped
        entry.snippet = _headline(entry, words)
        entry.link = _link(entry, query)
    return Results(
        query=query,
        kind=kind,
        counts=counts,
        total=total,
        page=results_page,
        some_words=some_words,
    )
