"""Every public page type runs a small, fixed number of SQL queries, with 1x and 50x the demo.

Measured with a cold cache (the shared cache emptied: no stored page, no
menu, no image renditions, no footer houses), after one earlier visit so
that the images' renditions exist as files, as on a running site. The same
budget holds with 50 times the events, activities, news and documents
(bench/scale.py, what `bench/run --scale 50` loads): no page queries once
per item it lists.

django CMS itself accounts for about ten of each page's queries when its
cache is cold (the URL revision, the page an application hangs from and its
content, the menu's key, the legal notice's link in the footer); the rest is
the page's own content, one query per kind of thing it shows (the documents
library: its documents, and each source's entries on the page, such as the
journal's issues with their contents). A house page
shows the most: hours, closures, approvals, figures, its presentation, its
activities, events, news, radio episodes and actions, its people (one query for
the team, the board and the contact form's roles), its project groups (with
their houses), its partners (two: the partners, their houses), its hosted
associations and its rooms (one query each).

Every page also shows the site's shared contents (djangocms-alias: the
notice, the partners in the footer) and asks whether it has an easy-to-read
version (easy_read): PER_SITE_VERSION queries with a cold cache, made once
per version of the site for all pages (coop_site.page_cache.per_version), the
same whatever the page.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import scale
from bench.pages import NOT_FOUND, PAGE_TYPES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

SHARED_CONTENTS = 10
EASY_READ_VERSIONS = 1  # which pages have a « Facile à lire » version
PER_SITE_VERSION = SHARED_CONTENTS + EASY_READ_VERSIONS
BUDGETS = {
    "accueil": 26,
    "liste des maisons": 14,
    "une maison": 36,  # 34, and its membership terms and their helps (membership)
    "les équipes": 15,
    "activités filtrées": 13,
    "une activité": 12,
    "agenda": 13,
    "agenda de la semaine": 15,
    "un événement": 11,
    "une activité avec demandes de place": 13,  # 12, and the places taken
    "demander une place": 11,
    "actualités": 13,
    "une actualité": 16,
    "documents": 17,
    "radio": 12,
    "une émission de radio": 12,
    "journal": 12,
    "partenaires": 12,
    "associations filtrées": 13,
    "une association": 12,
    "salles": 13,
    "une salle": 12,
    "charte": 13,
    "avancement de la charte": 17,
    "évaluation": 12,
    "un rapport": 18,
    "comparaison": 11,
    "adhérer (calculateur)": 17,
    "recherche": 10,
    "mentions légales": 12,
    "suivre une maison": 8,  # the houses to tick
    "l'AGORA": 24,
    "facile à lire": 10,
    "page introuvable": 9,
}


def cold_queries(client, path):
    client.get(path)  # the renditions' files are made once, on a first visit
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    expected = 404 if path == PAGE_TYPES[NOT_FOUND] else 200
    assert response.status_code == expected, path
    return len(captured)


@pytest.mark.parametrize("factor", [1, 50])
def test_every_page_type_stays_within_its_query_budget(client, demo, factor):
    if factor > 1:
        scale.main(factor)
    counts = {name: cold_queries(client, path) for name, path in PAGE_TYPES.items()}
    over = {
        name: f"{count} > {BUDGETS[name] + PER_SITE_VERSION}"
        for name, count in counts.items()
        if count > BUDGETS[name] + PER_SITE_VERSION
    }
    assert not over, f"requêtes SQL au-delà du budget ({factor}x la démonstration) : {over}"


def test_every_page_type_has_a_budget():
    assert set(BUDGETS) == set(PAGE_TYPES)
