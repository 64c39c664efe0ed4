"""iCalendar links: subscribe (`webcal://`), copy the address, or download the file once."""

from django import template
from sekizai.helpers import get_varname

from coop_site.seo import absolute_url

register = template.Library()


def webcal_url(url):
    """The `webcal://` form of an absolute http(s) URL: calendar apps subscribe to it."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        raise ValueError(f"Adresse absolue attendue : {url!r}")
    return f"webcal://{rest}"


@register.inclusion_tag("includes/ical_links.html", takes_context=True)
def ical_links(context, path, label):
    """{% ical_links path label %}: the subscription block of the feed at `path`.

    `label` names the feed for a screen reader ("l'agenda de la Maison des Ors").
    """
    url = absolute_url(context["request"], path)
    return {
        "path": path,
        "url": url,
        "webcal_url": webcal_url(url),
        "label": label,
        # The include adds its CSS and JS to the page's sekizai blocks.
        get_varname(): context.get(get_varname()),
    }
