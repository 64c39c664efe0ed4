"""Each process's own copy of the visitors' pages, told of new versions by Redis
(coop_site/page_cache_local.py).

Runs against the local Redis (DB 8 unless COOP_TEST_LOCAL_REDIS_URL says
otherwise), under a key prefix of this process's own (CI runs two suites at
once), emptied before and after; skipped when none answers, except in CI.
"""

import os
import time

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from coop_site import page_cache, page_cache_local
from coop_site.page_cache_local import LocalPages, VersionWatch
from tests.houses.conftest import create_houses_pages
from tests.houses.factories import make_house

REDIS_URL = os.environ.get("COOP_TEST_LOCAL_REDIS_URL", "redis://127.0.0.1:6379/8")
PREFIX = f"coop_test_{os.getpid()}"
REDIS_CACHE = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": PREFIX,
    }
}
HOUSES = "/maisons/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis ne répond pas à {REDIS_URL} (COOP_TEST_LOCAL_REDIS_URL)")
    empty(client)
    with override_settings(CACHES=REDIS_CACHE):
        page_cache_local.clear()
        yield client
        page_cache_local.clear()
    empty(client)


def empty(client, pattern="*"):
    for key in client.scan_iter(f"{PREFIX}:{pattern}"):
        client.delete(key)


def test_a_process_hears_a_new_version_from_redis_without_asking_for_it(redis_cache):
    other_process = VersionWatch(confirm_every=0.5)
    first = other_process.current(page_cache.current_version)
    assert first == cache.get(page_cache.VERSION_KEY)

    # Written behind its back (no message): the process does not read the cache
    # at each request, so it does not see it...
    cache.set(page_cache.VERSION_KEY, "written-without-a-message", timeout=None)
    assert other_process.current(page_cache.current_version) == first

    # ...but a bump, published, reaches it at once.
    page_cache.bump_version()
    bumped = cache.get(page_cache.VERSION_KEY)
    assert bumped != first
    assert other_process.current(page_cache.current_version) == bumped

    # And it reads the cache again after `confirm_every`, in case a message was lost.
    cache.set(page_cache.VERSION_KEY, "written-without-a-message", timeout=None)
    time.sleep(0.6)
    assert other_process.current(page_cache.current_version) == "written-without-a-message"


def test_a_broken_subscription_falls_back_to_the_cache_and_loses_no_version(redis_cache):
    other_process = VersionWatch(confirm_every=60, retry_every=0.3)
    assert other_process.current(page_cache.current_version) is not None

    # Redis drops the subscriber (a restart, a network cut), then a save bumps.
    host, port = other_process._pubsub.connection._sock.getsockname()[:2]
    assert redis_cache.client_kill_filter(_type="pubsub", addr=f"{host}:{port}") == 1
    page_cache.bump_version()
    bumped = cache.get(page_cache.VERSION_KEY)

    # No word from Redis: the process says so, and its requests read the cache.
    assert other_process.current(page_cache.current_version) is None
    # It subscribes again after `retry_every`, and reads the version then:
    # the bump sent while it was deaf is not lost.
    time.sleep(0.4)
    assert other_process.current(page_cache.current_version) == bumped


def test_a_visitor_s_page_is_served_from_the_process_s_memory_and_fresh_after_a_save(
    redis_cache, reload_urls, django_assert_num_queries
):
    create_houses_pages()
    reload_urls()
    house = make_house(slug="les-ors", name="Maison de quartier des Ors")
    first = Client().get(HOUSES)
    assert first.status_code == 200 and house.name in first.content.decode()

    # The shared copy lost (evicted from Redis): this process still has its own.
    empty(redis_cache, "*:coop:page-cache:entry:*")
    with django_assert_num_queries(0):
        again = Client().get(HOUSES)
    assert again.content == first.content

    # A save bumps the version: the kept page is no longer served.
    house.name = "Maison des Ors, rue Magnard"
    house.save()
    assert "Maison des Ors, rue Magnard" in Client().get(HOUSES).content.decode()


@override_settings(COOP_PAGE_CACHE_LOCAL_BYTES=0)
def test_without_the_process_s_copy_every_page_comes_from_redis(
    redis_cache, reload_urls, django_assert_num_queries, django_assert_max_num_queries
):
    create_houses_pages()
    reload_urls()
    make_house(slug="les-ors", name="Maison de quartier des Ors")
    Client().get(HOUSES)
    with django_assert_num_queries(0):
        assert Client().get(HOUSES).status_code == 200  # from Redis

    empty(redis_cache, "*:coop:page-cache:entry:*")
    with django_assert_max_num_queries(50) as rendered:
        Client().get(HOUSES)
    assert len(rendered) > 0, "nothing kept in the process: the page is rendered again"


def page(version, content=b"<p>page</p>", lifetime=60):
    return (version, [("Content-Type", "text/html")], content, '"etag"', time.time() + lifetime)


@override_settings(COOP_PAGE_CACHE_LOCAL_BYTES=10 * 1024)
def test_the_kept_pages_stay_within_their_bytes_their_version_and_their_lifetime():
    pages = LocalPages()
    for number in range(4):  # 2 KB each, with the overhead counted for headers
        pages.put(f"page-{number}", page("v1", b"x" * 1024))
    assert pages.get("page-0", "v1") is not None  # now the most recently used

    for number in range(4, 8):
        pages.put(f"page-{number}", page("v1", b"x" * 1024))
    kept = [key for key in (f"page-{n}" for n in range(8)) if pages.get(key, "v1")]
    assert "page-1" not in kept and "page-0" in kept and "page-7" in kept
    assert sum(len(pages.get(key, "v1")[2]) + 1024 for key in kept) <= 10 * 1024

    pages.put("too-large", page("v1", b"x" * 4096))  # over a quarter of the budget
    assert pages.get("too-large", "v1") is None

    pages.put("ending", page("v1", lifetime=-1))  # its next change has come
    assert pages.get("ending", "v1") is None

    assert pages.get("page-7", "v2") is None  # a new version: nothing kept is served
    assert pages.get("page-7", "v1") is None  # and it was dropped
