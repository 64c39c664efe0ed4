"""`{% easy_read_link %}`: the visible « Facile à lire » link at the top of a page that has a version."""

from django import template

from ..services import version_for

register = template.Library()


@register.inclusion_tag("easy_read/includes/link.html", takes_context=True)
def easy_read_link(context):
    request = context.get("request")
    return {"easy_read": version_for(request) if request is not None else None}
