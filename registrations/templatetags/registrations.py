from django import template

from registrations.services import item_context

register = template.Library()


@register.inclusion_tag("registrations/includes/request_box.html")
def registration_box(item):
    """An activity's or event's places left and its request form, when it takes requests.

    One query (the places taken), whatever the number of requests."""
    if not item.accepts_requests:
        return {"item": item, "takes_requests": False, "places_label": ""}
    return item_context(item)
