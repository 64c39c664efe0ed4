"""What the site search finds in the radio: published episodes, their transcript included."""

from search.models import Kind
from search.registry import Document, Index, register

from .models import Episode


@register
class EpisodeIndex(Index):
    model = Episode
    kind = Kind.RADIO

    def public(self):
        # A published episode dated in the future is indexed now and shown from its date.
        return Episode.objects.filter(status=Episode.Status.PUBLISHED)

    def document(self, episode):
        return Document(
            title=episode.title,
            url=episode.get_absolute_url(),
            date=episode.published_on,
            visible_from=episode.published_on,
            body="\n\n".join(
                part for part in [episode.description, episode.guests, episode.transcript] if part
            ),
        )
