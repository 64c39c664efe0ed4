"""Writes the index: one entry per public object, removed once it is no longer public."""

import contextlib
import functools
import threading

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from coop_site.commit import once_on_commit

from . import registry
from .models import SearchEntry
from .text import fold

CONFIG = "french_unaccent"


def vector():
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector(
        "body", weight="B", config=CONFIG
    )


def _clean(text):
    return (text or "").replace("\x00", " ")


def _write(index, obj):
    document = index.document(obj)
    title, body = _clean(document.title)[:255], _clean(document.body)
    entry, _created = SearchEntry.objects.update_or_create(
        key=index.key(obj),
        defaults={
            "kind": index.kind,
            "title": title,
            "body": body,
            "url": document.url,
            "date": document.date,
            "visible_from": document.visible_from,
            # The leading space lets a search match words from their start.
            "folded_title": " " + fold(title),
            "folded_body": " " + fold(body),
        },
    )
    return entry


_state = threading.local()


@contextlib.contextmanager
def deferred():
    """Writes in bulk (`load_demo`): no entry is refreshed one save at a time;
    the caller runs rebuild() once afterwards."""
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = False


def refresh(index, obj):
    """Bring the entry of `obj` in line with what visitors see of it, once the
    transaction commits (at once outside a transaction)."""
    if getattr(_state, "deferred", False):
        return
    # The key now: a deleted object has lost its primary key by the commit.
    key = index.key(obj)
    once_on_commit(("search", key), functools.partial(_refresh_now, index, obj, key))


def _refresh_now(index, obj, key):
    public = index.public_version(obj)
    if public is None or not index.document(public).url:
        SearchEntry.objects.filter(key=key).delete()
        return
    entry = _write(index, public)
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(pk=entry.pk).update(search_vector=vector())


def remove(index, obj):
    if getattr(_state, "deferred", False):
        return
    SearchEntry.objects.filter(key=index.key(obj)).delete()


def refresh_instance(instance):
    for index in registry.index_for(instance):
        refresh(index, instance)


def rebuild():
    """The whole index again, from what every app declares public; returns the count."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for index in registry.indexes():
            for obj in index.public():
                if index.document(obj).url:
                    _write(index, obj)
        if connection.vendor == "postgresql":
            SearchEntry.objects.update(search_vector=vector())
    return SearchEntry.objects.count()


def refresh_all(index):
    """Every entry of one index again (pages whose addresses the CMS rewrote in bulk)."""
    keys = set()
    for obj in index.public():
        refresh(index, obj)
        keys.add(index.key(obj))
    SearchEntry.objects.filter(kind=index.kind, key__startswith=index.key_prefix()).exclude(
        key__in=keys
    ).delete()


def refresh_objects(objects):
    """For writes that send no signal (QuerySet.update): bring these objects' entries in line."""
    for obj in objects:
        refresh_instance(obj)
