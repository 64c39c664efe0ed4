"""Each process's own copy of the pages it served last, when the shared cache is Redis.

Without it, every visitor's page costs one round trip to Redis (the site's
version and the page, in one read). With it, a page this process served a
moment ago comes from its own memory, without asking Redis anything:

- **The version, told by Redis**: `bump_version` publishes each new version
  on a channel every process subscribes to. Each request first looks at what
  arrived on that subscription: a look at a socket already open, not a round
  trip. Redis writes the message to every subscriber while it answers the
  save that bumped it, so it is there before that save's own page has left
  its server; the next request, on any server, sees the new version.
- **Checked anyway**, once a second (`CONFIRM_EVERY`): the version is read
  from the cache as before. A subscription that died quietly (a network cut
  without a reset) costs at most that second; one that fails loudly (Redis
  restarted) is dropped at once and made anew, the shared cache answering
  meanwhile.
- **Bounded**: the pages served last, up to `COOP_PAGE_CACHE_LOCAL_BYTES`
  (16 MB per process by default, 0 turns it off); all of them are dropped
  when the version changes, and each one when its own lifetime ends (the
  next midnight, an event that ends: see `page_cache.seconds_to_next_change`).

With the file cache (one machine) none of this runs: reading the version
there is a read of a local file, as cheap as this would be.
"""

import os
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

CHANNEL = "coop:page-cache:versions"
CONFIRM_EVERY = 1.0  # seconds between two reads of the version from the cache
RETRY_EVERY = 5.0  # seconds before subscribing again after a failure
SUBSCRIBE_WAIT = 1.0  # seconds to wait for Redis to confirm the subscription
ENTRY_OVERHEAD = 1024  # bytes counted for an entry's key and headers


def redis_client():
    """The shared cache's Redis client (django-redis), or None with another cache."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    return get_client(write=True) if get_client else None


def channel(client):
    """The cache's own channel: channels are shared by all of a Redis server's databases."""
    database = client.connection_pool.connection_kwargs.get("db", 0)
    return f"{cache.make_key(CHANNEL)}:{database}"


def publish(version):
    """Tell every process the new version (nothing to do without Redis)."""
    client = redis_client()
    if client is not None:
        client.publish(channel(client), version)
        watch.told(version)


class VersionWatch:
    """The site's version as this process last heard it from Redis."""

    def __init__(self, confirm_every=CONFIRM_EVERY, retry_every=RETRY_EVERY):
        self.confirm_every = confirm_every
        self.retry_every = retry_every
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self._drop()

    def _drop(self):
        pubsub = getattr(self, "_pubsub", None)
        if pubsub is not None and self._pid == os.getpid():
            try:
                pubsub.close()
            except Exception:  # already broken: nothing to close
                pass
        self._pubsub = None
        self._pid = os.getpid()
        self._version = None
        self._confirmed_at = float("-inf")

    def told(self, version):
        with self._lock:
            if self._pubsub is not None and self._pid == os.getpid():
                self._version = version

    def current(self, read_version):
        """The version, or None when this process has no subscription (then ask the cache)."""
        if not settings.COOP_PAGE_CACHE_LOCAL_BYTES:
            return None
        with self._lock:
            try:
                return self._current(read_version)
            except Exception:  # Redis unreachable or the subscription broken
                self._drop()
                self._retry_at = time.monotonic() + self.retry_every
                return None

    def _current(self, read_version):
        now = time.monotonic()
        if self._pid != os.getpid():  # a forked worker: the parent's socket is not ours
            self._drop()
        if self._pubsub is None:
            if now < self._retry_at or not self._subscribe():
                return None
        connection = self._pubsub.connection
        while connection.can_read(timeout=0):
            message = self._pubsub.get_message(timeout=0)
            if message and message["type"] == "message":
                self._version = message["data"].decode()
        if now - self._confirmed_at >= self.confirm_every:
            self._version = read_version()
            self._confirmed_at = now
        return self._version

    def _subscribe(self):
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        client = redis_client()
        if client is None:  # not Redis
            return False
        pubsub = client.pubsub()
        pubsub.subscribe(channel(client))
        # A failure must reach us, not be mended by a silent reconnection that
        # would lose the messages sent meanwhile.
        pubsub.connection.retry = Retry(NoBackoff(), 0)
        self._pubsub = pubsub
        # Subscribed before the version is read: no bump falls between the two.
        deadline = time.monotonic() + SUBSCRIBE_WAIT
        while not pubsub.subscribed:
            pubsub.get_message(timeout=max(0.0, deadline - time.monotonic()))
            if time.monotonic() >= deadline and not pubsub.subscribed:
                raise TimeoutError("Redis n'a pas confirmé l'abonnement")
        self._confirmed_at = float("-inf")
        return True


class LocalPages:
    """The pages this process served last, all of one version."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = OrderedDict()
        self._bytes = 0
        self._version = None

    def _switch(self, version):
        if version != self._version:
            self._entries.clear()
            self._bytes = 0
            self._version = version

    def get(self, key, version):
        with self._lock:
            self._switch(version)
            found = self._entries.get(key)
            if found is None:
                return None
            stored, _size = found
            if time.time() >= stored[4]:  # its lifetime is over
                self._forget(key)
                return None
            self._entries.move_to_end(key)
            return stored

    def put(self, key, stored):
        limit = settings.COOP_PAGE_CACHE_LOCAL_BYTES
        size = len(stored[2]) + ENTRY_OVERHEAD
        if size > limit // 4:  # a page too large to keep among the others
            return
        with self._lock:
            self._switch(stored[0])
            if key in self._entries:
                self._forget(key)
            self._entries[key] = (stored, size)
            self._bytes += size
            while self._bytes > limit:
                self._forget(next(iter(self._entries)))

    def _forget(self, key):
        _stored, size = self._entries.pop(key)
        self._bytes -= size


watch = VersionWatch()
pages = LocalPages()


def clear():
    """Forget what this process keeps and hears, as `cache.clear()` forgets the shared cache."""
    with watch._lock:
        watch._drop()
    with pages._lock:
        pages._switch(None)
