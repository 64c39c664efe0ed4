"""What crawlers read first: /sitemap.xml (the public site, exactly) and /robots.txt.

Only what an anonymous visitor can open is listed: published CMS pages (django
CMS's own sitemap reads the published versions only), houses, current
activities, upcoming and recent events, published news, radio episodes and reports, public
documents, hosted associations and the houses' rooms. `lastmod` comes from each model's dates; a house or an action is as
recent as the last change of its presentation's blocks, a news item as its
fields or its body's blocks. Activities and events have no date of change,
so they go without `lastmod`.
"""

import datetime

from cms.sitemaps import CMSSitemap
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from associations.models import Association, Room
from documents.models import Document
from easy_read.models import EasyReadVersion
from evaluation.models import Report
from houses.models import Action, Activity, Event, House
from news.models import NewsItem
from radio.models import Episode

from .seo import absolute_url

# Past events stay listed this long after they end.
RECENT_EVENTS = datetime.timedelta(days=365)
PLUGINS_CHANGED = Max("placeholders__cmsplugin__changed_date")


def latest(*dates):
    return max((d for d in dates if d is not None), default=None)


class ObjectSitemap(Sitemap):
    """Objects with a public address; none while their CMS page is not placed yet."""

    def get_objects(self):
        raise NotImplementedError

    def items(self):
        seen, items = set(), []
        for obj in self.get_objects():
            url = self.location(obj)
            if url and url not in seen:
                seen.add(url)
                items.append(obj)
        return items

    def location(self, obj):
        return obj.get_absolute_url()


class HouseSitemap(ObjectSitemap):
    def get_objects(self):
        return House.objects.annotate(plugins_changed=PLUGINS_CHANGED)

    def lastmod(self, house):
        return house.plugins_changed


class ActionSitemap(HouseSitemap):
    def get_objects(self):
        return Action.objects.annotate(plugins_changed=PLUGINS_CHANGED)


class ActivitySitemap(ObjectSitemap):
    def get_objects(self):
        return Activity.objects.current()


class EventSitemap(ObjectSitemap):
    def get_objects(self):
        return Event.objects.filter(ends_at__gte=timezone.now() - RECENT_EVENTS)


class NewsSitemap(ObjectSitemap):
    def get_objects(self):
        return NewsItem.objects.published().annotate(plugins_changed=PLUGINS_CHANGED)

    def lastmod(self, item):
        return latest(item.updated_at, item.plugins_changed)


class EpisodeSitemap(ObjectSitemap):
    def get_objects(self):
        return Episode.objects.published()

    def lastmod(self, episode):
        return episode.updated_at


class ReportSitemap(ObjectSitemap):
    def get_objects(self):
        return Report.objects.published().newest_first()

    def lastmod(self, report):
        return report.updated_at


class DocumentSitemap(ObjectSitemap):
    """The public files themselves: a document has no page of its own."""

    def get_objects(self):
        return Document.objects.published().select_related("file")

    def location(self, document):
        return document.download_url

    def lastmod(self, document):
        return document.updated_at


class EasyReadSitemap(ObjectSitemap):
    def get_objects(self):
        return EasyReadVersion.objects.published()

    def lastmod(self, version):
        return version.updated_at


class AssociationSitemap(ObjectSitemap):
    """The hosted associations' pages (their e-mail is never on them); no date of change."""

    def get_objects(self):
        return Association.objects.order_by("name", "pk")


class RoomSitemap(ObjectSitemap):
    def get_objects(self):
        return Room.objects.for_cards()


SITEMAPS = {
    "pages": CMSSitemap,
    "houses": HouseSitemap,
    "actions": ActionSitemap,
    "activities": ActivitySitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "radio": EpisodeSitemap,
    "reports": ReportSitemap,
    "documents": DocumentSitemap,
    "easy_read": EasyReadSitemap,
    "associations": AssociationSitemap,
    "rooms": RoomSitemap,
}


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = absolute_url(self.request, reverse("sitemap"))
        # A moved admin (DJANGO_ADMIN_URL) is not announced in this public file.
        admin_path = reverse("admin:index")
        context["admin_path"] = admin_path if admin_path == "/admin/" else ""
        return context
