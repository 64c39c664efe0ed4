"""What search engines and link previews read in a page's <head>: title, description,
canonical URL, OpenGraph and Twitter tags, feeds, and JSON-LD (schema.org).

Absolute URLs come from the Sites framework's domain (set in the admin's « Sites »),
with the request's scheme. The canonical URL is the page's path without its query
string, except `page` (a page of a list beyond the first), `mois` (a month of the
agenda's archive) and `a`, `b` (the two years /evaluation/comparer/ compares): those
show other content, whereas filters (house, category, age...) only narrow a list and
tracking parameters (utm_*...) change nothing.

Objects shown by a page (a house, an event, a report...) give their own description,
image and JSON-LD through `OBJECT_META`, keyed by model label, so that this module
needs no import of the apps' models and the views stay as they are.
"""

import dataclasses
import json
import re

from django.conf import settings
from django.contrib.sites.models import Site
from django.contrib.sites.shortcuts import get_current_site
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from coop_site.apphooks import reverse_or_empty
from coop_site.formatting import plain_text, shorten
from coop_site.images import filer_text, renditions

DESCRIPTION_LENGTH = 160
JSON_LD_TEXT_LENGTH = 300
CANONICAL_PARAMS = ("page", "mois", "a", "b")
DEFAULT_IMAGE = ("img/partage.png", 1200, 630)
SCHEMA = "https://schema.org"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def site_name():
    return _("Maisons de Quartier de Romans")


def default_description():
    return _(
        "Les maisons de quartier de Romans-sur-Isère et l'Accorderie : horaires, activités, "
        "agenda et actualités."
    )


def absolute_url(request, path):
    """`path` on the site's configured domain, with the scheme the visitor used.

    Without a request (an e-mail sent by a worker or a command), the scheme is
    https, or http while DEBUG is on (the demo on 127.0.0.1).
    """
    if not path or re.match(r"^[a-z][a-z0-9+.-]*://", path):
        return path or ""
    if request is None:
        scheme = "http" if settings.DEBUG else "https"
        return f"{scheme}://{Site.objects.get_current().domain}{path}"
    return f"{request.scheme}://{get_current_site(request).domain}{path}"


def canonical_url(request, path=None):
    query = []
    for name in CANONICAL_PARAMS:
        value = request.GET.get(name, "")
        if name == "page" and (not value.isdigit() or int(value) <= 1):
            continue
        if value:
            query.append(f"{name}={value}")
    url = absolute_url(request, path or request.path)
    return f"{url}?{'&'.join(query)}" if query else url


def json_ld(data):
    """A <script type="application/ld+json">, escaped so that no text can close it.

    Like Django's json_script: <, > and & become \\u escapes inside the JSON strings.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    text = text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def compact(data):
    """The dict without its empty values (schema.org wants absent, not null)."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


@dataclasses.dataclass
class ShareImage:
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""
    mime_type: str = ""

    @property
    def is_landscape(self):
        return not (self.width and self.height) or self.width >= self.height


@dataclasses.dataclass
class ObjectMeta:
    """What an object adds to the page's <head>."""

    description: str = ""
    image: ShareImage | None = None
    og_type: str = "website"
    og_extra: list = dataclasses.field(default_factory=list)  # [(property, content)]
    json_ld: list = dataclasses.field(default_factory=list)
    noindex: bool = False
    url: str = ""  # the object's own address, for the canonical URL (previews too)


def filer_share_image(request, image, alt=""):
    """A 1200-pixel rendition of a media-library image (never the original)."""
    sources = renditions(image, widths=(1200,))
    if not sources:
        return None
    url, width, height = sources[-1]
    return ShareImage(absolute_url(request, url), width, height, filer_text(alt))


def default_share_image(request):
    path, width, height = DEFAULT_IMAGE
    return ShareImage(
        absolute_url(request, static(path)),
        width,
        height,
        _("Les maisons de quartier de Romans-sur-Isère, en Coopération"),
        "image/png",
    )


# --- schema.org pieces --------------------------------------------------------


def thing_ld(request, schema_type, obj, *, name, text="", **properties):
    """A schema.org item for `obj`'s page: its type, name, short description and URL."""
    return compact(
        {
            "@context": SCHEMA,
            "@type": schema_type,
            "name": name,
            "description": shorten(plain_text(text), JSON_LD_TEXT_LENGTH) if text else "",
            "url": absolute_url(request, obj.get_absolute_url()),
            **properties,
        }
    )


def postal_address(house):
    return compact(
        {
            "@type": "PostalAddress",
            "streetAddress": house.street_address,
            "postalCode": house.postcode,
            "addressLocality": house.city,
            "addressCountry": "FR",
        }
    )


def organisation_ld(request, *, name, members=()):
    home = absolute_url(request, "/")
    return compact(
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "@id": f"{home}#organisation",
            "name": name,
            "url": home,
            "logo": absolute_url(request, static("img/logo.svg")),
            "image": default_share_image(request).url,
            "areaServed": "Romans-sur-Isère",
            "member": [
                compact(
                    {
                        "@type": "Organization",
                        "name": house.name,
                        "url": absolute_url(request, house.get_absolute_url()),
                    }
                )
                for house in members
            ],
        }
    )


def cooperation_name(context):
    """The Coopération's name, from the page context (`site_cooperation`, a lazy
    object given by coop_site.context_processors: the toolkit imports no app)."""
    house = context.get("site_cooperation")
    return house.name if house else _("Coopération des Maisons de Quartier de Romans-sur-Isère")


def opening_hours_ld(house):
    """The weekly slots, then the closures and exceptional openings still to come.

    A closure is "open 00:00-00:00" over its dates, as search engines read holiday hours.
    """
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA}/{WEEKDAYS[slot.weekday]}",
            "opens": f"{slot.opens:%H:%M}",
            "closes": f"{slot.closes:%H:%M}",
        }
        for slot in house.opening_hours.all()
    ]
    for closure in house.closures.all():
        opens, closes = (
            ("00:00", "00:00")
            if closure.is_closure
            else (f"{closure.opens:%H:%M}", f"{closure.closes:%H:%M}")
        )
        specs.append(
            {
                "@type": "OpeningHoursSpecification",
                "opens": opens,
                "closes": closes,
                "validFrom": closure.starts_on.isoformat(),
                "validThrough": closure.ends_on.isoformat(),
                "description": closure.reason,
            }
        )
    return specs


def place_ld(request, house, image=None):
    has_point = house.latitude is not None and house.longitude is not None
    point = {"@type": "GeoCoordinates", "latitude": house.latitude, "longitude": house.longitude}
    return thing_ld(
        request,
        "CivicStructure",
        house,
        name=house.name,
        text=house.tagline,
        image=image.url if image else "",
        telephone=house.phone,
        address=postal_address(house),
        geo=point if has_point else None,
        openingHoursSpecification=opening_hours_ld(house),
    )


def event_date(event, value):
    local = timezone.localtime(value)
    return local.date().isoformat() if event.is_all_day else local.isoformat()


def event_location_ld(request, event):
    if event.place_house_id:
        house = event.place_house
        return compact(
            {
                "@type": "Place",
                "name": house.name,
                "url": absolute_url(request, house.get_absolute_url()),
                "address": postal_address(house),
            }
        )
    return compact(
        {
            "@type": "Place",
            "name": event.place_label,
            "address": compact(
                {
                    "@type": "PostalAddress",
                    "streetAddress": event.place_full_address or event.place_label,
                    "addressCountry": "FR",
                }
            ),
        }
    )


def breadcrumb_ld(request, steps):
    """steps: [(name, path)]; the last step's path may be empty (the page itself)."""
    items = []
    for position, (name, path) in enumerate(steps, start=1):
        url = absolute_url(request, path) if path else canonical_url(request)
        items.append({"@type": "ListItem", "position": position, "name": name, "item": url})
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


# --- Each object's meta --------------------------------------------------------


def house_meta(request, house, context):
    image = filer_share_image(
        request, house.photo, alt=getattr(house.photo, "default_alt_text", "")
    )
    if house.is_cooperation:
        members = context.get("site_houses") or ()
        ld = organisation_ld(request, name=house.name, members=members)
    else:
        ld = place_ld(request, house, image)
    description = house.tagline or ", ".join(
        part for part in [house.get_kind_display(), house.neighbourhood, house.full_address] if part
    )
    return ObjectMeta(description=description, image=image, json_ld=[ld])


def activity_meta(request, activity, context):
    return ObjectMeta(description=activity.summary)


def action_meta(request, action, context):
    return ObjectMeta(description=action.summary)


def event_meta(request, event, context):
    image = filer_share_image(request, event.image, alt=event.alt) if event.image_id else None
    status = "EventCancelled" if event.is_cancelled else "EventScheduled"
    ld = thing_ld(
        request,
        "Event",
        event,
        name=event.title,
        text=event.description,
        startDate=event_date(event, event.starts_at),
        endDate=event_date(event, event.ends_at),
        eventStatus=f"{SCHEMA}/{status}",
        eventAttendanceMode=f"{SCHEMA}/OfflineEventAttendanceMode",
        location=event_location_ld(request, event),
        organizer=compact(
            {
                "@type": "Organization",
                "name": event.organiser.name,
                "url": absolute_url(request, event.organiser.get_absolute_url()),
            }
        ),
        image=image.url if image else "",
        inLanguage="fr-FR",
    )
    return ObjectMeta(description=event.description, image=image, json_ld=[ld])


def news_meta(request, item, context):
    image = filer_share_image(request, item.image, alt=item.alt) if item.image_id else None
    return ObjectMeta(
        description=item.teaser,
        image=image,
        og_type="article",
        og_extra=[
            ("article:published_time", item.published_on.isoformat()),
            ("article:modified_time", item.updated_at.isoformat()),
        ],
        noindex=not item.is_published,
    )


def report_meta(request, report, context):
    image = None
    if report.cover_url:
        image = ShareImage(
            absolute_url(request, report.cover_url),
            report.cover_width,
            report.cover_height,
            _("Couverture du document « %(title)s »") % {"title": report.title},
            "image/webp",
        )
    ld = thing_ld(
        request,
        "Report",
        report,
        name=report.title,
        text=report.summary,
        datePublished=report.published_on.isoformat() if report.published_on else "",
        dateModified=report.updated_at.isoformat(),
        temporalCoverage=report.period_label.replace("-", "/"),
        inLanguage="fr-FR",
        genre=report.get_kind_display(),
        image=image.url if image else "",
        publisher={
            "@type": "Organization",
            "name": cooperation_name(context),
            "url": absolute_url(request, "/"),
        },
        encoding={
            "@type": "MediaObject",
            "contentUrl": absolute_url(request, report.download_url),
            "encodingFormat": "application/pdf",
        }
        if report.download_url
        else None,
    )
    return ObjectMeta(
        description=report.summary,
        image=image,
        json_ld=[ld],
        noindex=not report.is_published,
        url=report.get_absolute_url(),
    )


def episode_meta(request, episode, context):
    og_extra = [("article:published_time", episode.published_on.isoformat())]
    if episode.audio_url:
        og_extra += [
            ("og:audio", absolute_url(request, episode.audio_url)),
            ("og:audio:type", episode.audio_type),
        ]
    return ObjectMeta(
        description=episode.description,
        og_type="article",
        og_extra=og_extra,
        noindex=not episode.is_published,
    )


OBJECT_META = {
    "houses.House": house_meta,
    "houses.Activity": activity_meta,
    "houses.Action": action_meta,
    "houses.Event": event_meta,
    "news.NewsItem": news_meta,
    "evaluation.Report": report_meta,
    "radio.Episode": episode_meta,
}


def object_meta(request, obj, context):
    builder = OBJECT_META.get(obj._meta.label) if obj is not None else None
    meta = builder(request, obj, context) if builder else ObjectMeta()
    if obj is not None and not meta.url and hasattr(obj, "get_absolute_url"):
        meta.url = obj.get_absolute_url()
    return meta


def feeds():
    """[(type, title, url)] of the site's feeds, each only once its page exists."""
    candidates = [
        ("application/rss+xml", _("Actualités (RSS)"), "news:feed"),
        ("application/atom+xml", _("Actualités (Atom)"), "news:feed-atom"),
        ("text/calendar", _("Agenda (iCal)"), "feeds:agenda"),
        ("application/rss+xml", _("Nouveaux rapports d'évaluation (RSS)"), "evaluation:feed"),
        ("application/rss+xml", _("La radio des maisons (podcast)"), "radio:podcast"),
    ]
    return [
        (kind, title, url) for kind, title, name in candidates if (url := reverse_or_empty(name))
    ]


def is_home(request):
    page = getattr(request, "current_page", None)
    return bool(page) and page.is_home and request.path == "/"


def page_meta(context, *, obj=None, title="", description="", noindex=False):
    """Everything the <head> template needs, from the page's blocks and its object."""
    request = context["request"]
    meta = object_meta(request, obj, context)
    title = plain_text(title)
    description = plain_text(meta.description) or plain_text(description)
    description = shorten(description or default_description(), DESCRIPTION_LENGTH)
    image = meta.image or default_share_image(request)
    json_ld_blocks = list(meta.json_ld)
    if obj is None and is_home(request):
        json_ld_blocks.append(
            organisation_ld(
                request, name=cooperation_name(context), members=context.get("site_houses") or ()
            )
        )
    noindex = noindex or meta.noindex or request.path.startswith(reverse("admin:index"))
    return {
        "title": title or site_name(),
        "full_title": f"{title} · {site_name()}" if title else site_name(),
        "description": description,
        "canonical": "" if noindex else canonical_url(request, meta.url or None),
        "url": canonical_url(request, meta.url or None),
        "noindex": noindex,
        "og_type": meta.og_type,
        "og_extra": meta.og_extra,
        "image": image,
        "twitter_card": "summary_large_image" if image.is_landscape else "summary",
        "site_name": site_name(),
        "feeds": feeds(),
        "json_ld": [json_ld(block) for block in json_ld_blocks],
    }
