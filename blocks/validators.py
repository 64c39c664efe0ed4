"""What a link's text must say: where it goes (RGAA 6.1, WCAG 2.4.4).

The old site's "ICI" links read as nothing to a screen reader's list of links
and to a resident skimming the page. A text made only of such words, or a bare
address, is refused with a French message at the field.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Texts that say nothing of the destination, compared without case, accents or punctuation.
VAGUE_LINK_TEXTS = frozenset(
    {
        "ici",
        "la",
        "cliquez ici",
        "cliquer ici",
        "clique ici",
        "cliquez",
        "voir ici",
        "lien",
        "ce lien",
        "le lien",
        "lien ici",
        "en savoir plus",
        "pour en savoir plus",
        "savoir plus",
        "plus",
        "plus d infos",
        "plus d informations",
        "voir plus",
        "lire la suite",
        "la suite",
        "suite",
        "voir",
        "lire",
        "cliquez sur ce lien",
        "page",
        "site",
        "link",
        "click here",
        "here",
        "more",
        "read more",
    }
)

_URL = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|tel:)\S*$|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$",
    re.IGNORECASE,
)


def normalise_link_text(value):
    """Lower case, without accents, punctuation or repeated spaces: « Cliquez ICI ! » → "cliquez ici"."""
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w]+", " ", text.lower())
    return " ".join(text.split())


def validate_link_text(value):
    stripped = value.strip()
    if _URL.match(stripped):
        raise ValidationError(
            _(
                "Une adresse seule ne dit pas où mène le lien : écrivez en mots la destination, "
                "par exemple « Le site de la CAF de la Drôme »."
            ),
            code="bare_url",
        )
    if normalise_link_text(stripped) in VAGUE_LINK_TEXTS:
        raise ValidationError(
            _(
                "« %(text)s » ne dit pas où mène le lien : écrivez la destination, par exemple "
                "« Lire le rapport d'activités 2018 » ou « Les horaires de la maison des Ors »."
            ),
            code="vague",
            params={"text": stripped},
        )
