from django import template

from coop_site import formatting
from coop_site.formatting import format_file_size, format_page_count

register = template.Library()


@register.filter
def french_size(size):
    return format_file_size(size)


@register.filter
def duration(seconds):
    """`{{ episode.duration|duration }}`: "28 min 5 s"."""
    return formatting.format_duration(seconds)


@register.filter
def pages(count):
    return format_page_count(count)


@register.filter
def french_date(value, format="j F Y"):
    """`{{ day|french_date }}`, `{{ day|french_date:"l j F" }}`: Django's date, with "1er"."""
    return formatting.french_date(value, format)


@register.filter
def euros(value):
    """`{{ amount|euros }}`: "3 €", "2,50 €", "1 200 €"; nothing for None."""
    return formatting.format_euros(value)
