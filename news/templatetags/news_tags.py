from django import template

from ..models import NewsItem

register = template.Library()


@register.simple_tag
def latest_news(house=None, count=3):
    """The latest published news items, of one house if given (one query + prefetch)."""
    items = NewsItem.objects.published().for_cards()
    if house is not None:
        items = items.for_house(house)
    return list(items[:count])
