import datetime

from django import template
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from coop_site.formatting import french_date, french_time

from ..models import House, KeyFigure
from ..sections import sections

register = template.Library()


@register.filter
def can_write_presentation(house, user):
    return house.can_write_presentation(user)


@register.filter
def next_opening_label(status):
    """ "Ouvre aujourd'hui à 14 h 00", "Ouvre demain à 9 h 00", "Ouvre lundi 3 août à 9 h 00"."""
    if status is None or status.next_opening is None:
        return ""
    moment = timezone.localtime(status.next_opening)
    today = timezone.localdate()
    time = french_time(moment)
    if moment.date() == today:
        return _("Ouvre aujourd'hui à %(time)s") % {"time": time}
    if moment.date() == today + datetime.timedelta(days=1):
        return _("Ouvre demain à %(time)s") % {"time": time}
    if moment.date() < today + datetime.timedelta(days=7):
        day = formats.date_format(moment, "l")
    else:
        day = french_date(moment, "l j F")
    return _("Ouvre %(day)s à %(time)s") % {"day": day, "time": time}


@register.filter
def hour(value):
    """09:30 -> "9 h 30", 14:00 -> "14 h"."""
    return french_time(value) if value is not None else ""


@register.simple_tag
def key_figures():
    """The Coopération's key figures of the latest year that has some."""
    return list(KeyFigure.objects.cooperation_wide().latest_year())


@register.simple_tag
def house_cards():
    """The neighbourhood houses, ready for their cards (the home page's "find my house")."""
    return House.objects.neighbourhood_houses().for_cards()


@register.simple_tag(takes_context=True)
def house_sections(context, house):
    """The sections other apps add to the house page (houses/sections.py), rendered in place.

    Each template sees the page's context plus its section's, as with {% include %}.
    """
    rendered = []
    for section in sections():
        template = context.template.engine.get_template(section.template)
        with context.push(**section.context(house)):
            rendered.append(template.render(context))
    return mark_safe("".join(rendered))
