"""The AGORA in public space: its places, its sessions (events at those places) and its method."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from houses.models import Event, PublicPlace
from tests.documents.factories import make_document
from tests.houses.factories import make_event, make_house

from .factories import add, make_page, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def place(name, **fields):
    fields.setdefault("kind", PublicPlace.Kind.SQUARE)
    return PublicPlace.objects.create(name=name, **fields)


def session(organiser, at, *, days, title):
    return make_event(
        organiser,
        title=title,
        place_house=None,
        public_place=at,
        theme=Event.Theme.DEBATE,
        starts_at=timezone.now() + datetime.timedelta(days=days),
    )


def agora_page(user, **block):
    content = make_page(user, title="Animer dans l'espace public", slug="agora")
    instance = add(content, "AgoraPlugin", **block)
    publish(content, user)
    return instance


def test_the_page_shows_the_places_their_theme_and_the_next_and_past_sessions(client, admin_user):
    cooperation = make_house(slug="la-cooperation", name="La Coopération")
    caf = place("Devant la CAF", kind=PublicPlace.Kind.PUBLIC_SERVICE, usual_theme="le logement")
    square = place("Place Jacquemart", is_sample=True, address="Place Jacquemart, Romans")
    session(cooperation, caf, days=5, title="AGORA du logement")
    session(cooperation, square, days=-40, title="AGORA d'avant")
    make_event(cooperation, title="Atelier dans la maison")  # not in a public place
    agora_page(admin_user)

    html = client.get("/agora/").content.decode()

    places = html[html.index("Les lieux de l'AGORA") : html.index("Les prochaines séances")]
    assert "Devant la CAF" in places and "On y parle souvent de le logement." in places
    assert "Devant un service public (CAF…)" in places
    assert "Place Jacquemart" in places and "exemple" in places
    upcoming = html[html.index("Les prochaines séances") : html.index("Les séances passées")]
    assert "AGORA du logement" in upcoming and "Devant la CAF" in upcoming
    past = html[html.index("Les séances passées") : html.index("La méthode complète")]
    assert "AGORA d&#x27;avant" in past and "Place Jacquemart" in past
    assert "Atelier dans la maison" not in html
    assert "arrive bientôt : elle sera à télécharger ici" in html


def test_the_method_is_offered_for_download_once_it_is_published(client, admin_user):
    method = make_document(title="La méthode de l'AGORA")
    block = agora_page(admin_user, method_document=method)

    html = client.get("/agora/").content.decode()
    assert "La méthode de l&#x27;AGORA" in html and "Télécharger" in html
    assert "arrive bientôt" not in html

    method.is_published = False
    method.save()
    assert block.method_document_id == method.pk
    html = client.get("/agora/").content.decode()
    assert "La méthode de l&#x27;AGORA" not in html
    assert "arrive bientôt" in html


def test_the_block_runs_the_same_queries_whatever_the_number_of_places_and_sessions(
    client, admin_user
):
    cooperation = make_house(slug="la-cooperation", name="La Coopération")
    agora_page(admin_user)

    def count():
        client.get("/agora/")  # the menu, the shared contents: read once, then cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/agora/").status_code == 200
        return len(queries)

    square = place("Place 0")
    session(cooperation, square, days=3, title="Séance 0")
    session(cooperation, square, days=-3, title="Passée 0")
    few = count()
    for number in range(1, 8):
        square = place(f"Place {number}")
        session(cooperation, square, days=3 + number, title=f"Séance {number}")
        session(cooperation, square, days=-3 - number, title=f"Passée {number}")
    assert count() == few


def test_the_demo_s_agora_page_shows_the_seed_s_places_and_announces_the_method(client, demo):
    html = client.get("/la-cooperation/animer-dans-l-espace-public/").content.decode()

    for name, theme in [
        ("Devant la Caisse d&#x27;allocations familiales", "le logement"),
        ("À côté d&#x27;une aire de jeux", "l&#x27;éducation"),
        ("Parvis de la médiathèque", "le numérique"),
    ]:
        assert name in html and f"On y parle souvent de {theme}." in html
    assert "AGORA : débat sur la place" in html  # the next session, an example
    assert "est-ce que jeter coûte de l&#x27;argent ?" in html  # a past one
    assert "La méthode complète" in html and "arrive bientôt" in html
