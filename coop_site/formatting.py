"""Dates, sizes, page counts and short texts written the French way, site-wide.

("1er janvier 2026", "2,4 Mo", "12 pages", "28 min 5 s").
"""

import html
import re
import textwrap
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

NBSP = "\u00a0"
UNITS = ("o", "ko", "Mo", "Go", "To")


def format_file_size(size):
    """A byte count in French units (powers of 1024, as file managers show them).

    Below 10 units, one decimal with a comma ("2,4 Mo"); from 10 up, a
    whole number ("12 Mo"). None (unknown size) gives an empty string.
    """
    if size is None:
        return ""
    value = float(size)
    unit = 0
    while value >= 1024 and unit < len(UNITS) - 1:
        value /= 1024
        unit += 1
    if unit == 0:
        return f"{int(value)}{NBSP}{UNITS[0]}"
    if round(value, 1) < 10:
        text = f"{value:.1f}".replace(".", ",").removesuffix(",0")
    else:
        text = str(round(value))
    return f"{text}{NBSP}{UNITS[unit]}"


def format_duration(seconds):
    """A duration in French: "28 min 5 s", "1 h 02 min", "45 s"; empty when unknown."""
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}{NBSP}h{NBSP}{minutes:02d}{NBSP}min"
    if minutes:
        return f"{minutes}{NBSP}min{NBSP}{secs}{NBSP}s" if secs else f"{minutes}{NBSP}min"
    return f"{secs}{NBSP}s"


def format_page_count(count):
    if not count:
        return ""
    if count == 1:
        return _("1 page")
    return _("%(count)s pages") % {"count": count}


# Where a block ends, its words end too: "<p>habitants.</p><p>Pour" reads "habitants. Pour".
BLOCK_END = re.compile(
    r"(</(p|div|li|h[1-6]|td|th|tr|blockquote|section|article)>|<br\s*/?>)", re.I
)


def plain_text(value):
    """The words of an HTML fragment: tags out, entities read, white space collapsed."""
    text = BLOCK_END.sub(r"\1 ", str(value or ""))
    return " ".join(html.unescape(strip_tags(text)).split())


def shorten(text, width):
    """`text` in at most `width` characters, cut between words with an ellipsis."""
    return textwrap.shorten(text, width=width, placeholder=" …")


def french_time(value):
    """9:00 -> "9 h", 16:30 -> "16 h 30"."""
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


def french_date(value, format="j F Y"):
    """`value` in Django's date `format`, the first of the month written "1er" ("1er janvier").

    Django writes "1 janvier"; French writes the ordinal for the first day only.
    """
    if value in (None, ""):
        return ""
    if value.day == 1:
        # An unescaped "j" (the day) is followed by an escaped "er".
        format = re.sub(r"(?<!\\)j", r"j\\e\\r", format)
    return date_format(value, format)


def format_number(value):
    """1234.5 -> "1 234,5" (a narrow no-break space between thousands, a comma for decimals)."""
    text = f"{value:,}".replace(",", "\u202f").replace(".", ",")
    return text


def format_euros(value):
    """An amount in euros the French way: "3 €", "2,50 €", "1 200 €" (no-break spaces).

    Whole amounts lose their cents; others keep two decimals. None gives "".
    """
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        text = format_number(int(value))
    else:
        text = format_number(value.quantize(Decimal("0.01")))
    return f"{text}{NBSP}€"
