"""Small factories for the radio tests."""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone
from filer.models import File

from coop_site.demo import ensure_page
from radio.demo import silent_mp3
from radio.models import Episode

_counter = itertools.count(1)


def radio_page():
    """The published /radio/ page with the radio apphook."""
    return ensure_page(
        reverse_id="radio",
        title="La radio des maisons",
        slug="radio",
        apphook="RadioApphook",
        apphook_namespace="radio",
    )


def sound_file(name="emission.mp3", data=None, *, public=True, mime_type="audio/mpeg"):
    """A media-library file, as if sent earlier (no upload check on the way)."""
    data = silent_mp3(3) if data is None else data
    file = File(original_filename=name, name=name, is_public=public)
    file.file.save(name, ContentFile(data), save=False)
    file.mime_type = mime_type
    file.save()
    return file


def make_episode(*, title=None, houses=(), status=Episode.Status.PUBLISHED, days_ago=None, **kw):
    n = next(_counter)
    episode = Episode(
        title=title or f"Émission numéro {n}",
        slug=kw.pop("slug", f"emission-{n}"),
        description=kw.pop("description", f"De quoi parle l'émission {n}."),
        transcript=kw.pop("transcript", f"Bonjour, ceci est l'émission {n}."),
        audio=kw.pop("audio", None) or sound_file(f"emission-{n}.mp3"),
        status=status,
        published_on=timezone.localdate()
        - datetime.timedelta(days=n if days_ago is None else days_ago),
        **kw,
    )
    episode.full_clean()
    episode.save()
    episode.houses.set(houses)
    return episode
