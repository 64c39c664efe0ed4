"""The small, local set of pictograms an easy-to-read line may start with.

Each one is a file of static/img/pictos/ and the words a screen reader says for
it (its alt text): the picture repeats the line's idea, it never replaces it.
"""

from django.utils.translation import gettext_lazy as _

PICTOGRAMS = {
    "maison": _("Une maison"),
    "horloge": _("Une horloge : les horaires"),
    "calendrier": _("Un calendrier : les dates"),
    "telephone": _("Un téléphone"),
    "lettre": _("Une lettre : écrire un message"),
    "personnes": _("Des personnes : l'équipe, les habitants"),
    "famille": _("Une famille avec un enfant"),
    "euro": _("Une pièce d'un euro : le prix"),
    "papiers": _("Des papiers à apporter"),
    "parole": _("Une bulle de parole : discuter"),
    "fauteuil": _("Un fauteuil roulant : l'accès"),
    "information": _("La lettre i : une information"),
}


def choices():
    return [(key, label) for key, label in PICTOGRAMS.items()]


def path(key):
    return f"img/pictos/{key}.svg"
