"""The podcast: RSS 2.0 with an enclosure per episode and Apple's iTunes namespace.

Podcast applications (Apple Podcasts, AntennaPod, Pocket Casts...) read the
channel's itunes:image, itunes:category, itunes:explicit and itunes:author,
and each item's enclosure (the sound's absolute URL, size and type) and
itunes:duration. Only published episodes whose sound is stored are listed.
"""

import datetime

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coop_site.audio import itunes_duration

from .models import Episode

FEED_SIZE = 50
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# Apple's list of categories: the show is about the life of the neighbourhoods.
CATEGORY = "Society & Culture"
COVER = "img/radio-podcast.png"  # square, 1400 pixels, as podcast applications ask


class ItunesPodcastFeed(Rss201rev2Feed):
    """RSS 2.0 with the channel and item elements of the iTunes podcast namespace."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:image", attrs={"href": feed["itunes_image"]})
        handler.addQuickElement("itunes:category", attrs={"text": CATEGORY})
        handler.startElement("image", {})
        handler.addQuickElement("url", feed["itunes_image"])
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", feed["link"])
        handler.endElement("image")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:author", self.feed["itunes_author"])
        handler.addQuickElement("itunes:summary", item["description"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")
        if item.get("itunes_duration"):
            handler.addQuickElement("itunes:duration", item["itunes_duration"])


class PodcastFeed(Feed):
    feed_type = ItunesPodcastFeed
    title = gettext_lazy("La radio des Maisons de Quartier de Romans")
    description = gettext_lazy(
        "L'émission de radio hebdomadaire des maisons de quartier de Romans-sur-Isère : "
        "la vie des quartiers racontée par leurs habitants. Chaque émission a sa "
        "transcription sur le site."
    )
    language = "fr"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def absolute(self, url):
        request = self.request
        return add_domain(get_current_site(request).domain, url, request.is_secure())

    def link(self):
        return reverse("radio:list")

    def feed_extra_kwargs(self, obj):
        return {
            "itunes_author": _("Coopération des Maisons de Quartier de Romans-sur-Isère"),
            "itunes_image": self.absolute(static(COVER)),
        }

    def items(self):
        episodes = Episode.objects.published().select_related("audio")[:FEED_SIZE]
        return [episode for episode in episodes if episode.audio_url]

    def item_title(self, episode):
        return episode.title

    def item_description(self, episode):
        if episode.guests:
            return _("%(description)s Avec %(guests)s.") % {
                "description": episode.description,
                "guests": episode.guests,
            }
        return episode.description

    def item_link(self, episode):
        return episode.get_absolute_url()

    def item_guid(self, episode):
        # Stays the same if the episode's address changes: apps never play it twice.
        return f"radio-episode-{episode.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, episode):
        return timezone.make_aware(datetime.datetime.combine(episode.published_on, datetime.time()))

    def item_updateddate(self, episode):
        return episode.updated_at

    def item_enclosures(self, episode):
        return [
            Enclosure(
                url=self.absolute(episode.audio_url),
                length=str(episode.audio_size or 0),
                mime_type=episode.audio_type,
            )
        ]

    def item_extra_kwargs(self, episode):
        return {"itunes_duration": itunes_duration(episode.duration) if episode.duration else ""}
