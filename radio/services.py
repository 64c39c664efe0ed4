"""Writes of the radio: publishing episodes, the one way for every screen."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from coop_site import audio
from coop_site.page_cache import bump_version
from search.indexing import refresh_objects

from .models import Episode


def episode_publication_errors(episode):
    """Why `episode` may not go public yet, as French sentences (empty: it may)."""
    errors = []
    if not episode.transcript.strip():
        errors.append(audio.transcript_missing())
    if episode.audio_id:
        try:
            episode.read_audio()
        except ValidationError as error:
            errors.extend(error.messages)
    return errors


def episode_publish(*, episodes):
    """Publish each episode that may go public; return {episode: errors} for the others.

    The list's action and the change form (through `Episode.clean`) refuse the
    same episodes: without a transcript, or without a readable public sound.
    """
    refused = {}
    publishable = []
    for episode in episodes:
        errors = episode_publication_errors(episode)
        if errors:
            refused[episode] = errors
        elif episode.status != Episode.Status.PUBLISHED:
            publishable.append(episode.pk)
    if publishable:
        Episode.objects.filter(pk__in=publishable).update(
            status=Episode.Status.PUBLISHED, updated_at=timezone.now()
        )
        refresh_objects(Episode.objects.filter(pk__in=publishable))  # update() sends no signal
        bump_version()
    return refused


def episode_unpublish(*, episodes):
    count = episodes.update(status=Episode.Status.DRAFT, updated_at=timezone.now())
    refresh_objects(episodes)  # the drafts leave the search
    bump_version()
    return count


def latest_episodes(*, house=None, count=3):
    """The latest published episodes, of one house if given (one query)."""
    episodes = Episode.objects.published().select_related("audio")
    if house is not None:
        episodes = episodes.for_house(house)
    return list(episodes[:count])
