"""`{% load agenda_tags %}{% upcoming_events 3 as events %}` for the home page."""

from django import template

from ..models import Event

register = template.Library()


@register.simple_tag
def upcoming_events(count=3):
    return list(Event.objects.upcoming().with_related()[:count])
