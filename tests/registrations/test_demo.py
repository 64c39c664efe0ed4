"""The demo: an example activity and event take requests; the legal notice says how long
requests are kept, on a new site and on one loaded before the requests existed."""

import io
from html import unescape

import pytest
from cms.models import PageContent

from coop_site.demo import find_page, revise_page, text_plugins
from houses.models import Activity, Event
from registrations.demo import LEGAL_HEADING, add_to_legal_notice

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_activity_and_an_event_taking_requests(client, demo):
    activity = Activity.objects.get(slug="atelier-numerique-seniors")
    assert activity.accepts_requests and activity.places == 8 and activity.is_sample
    assert Event.objects.get(slug="spectacle-enfants").places == 30

    html = unescape(client.get(activity.get_absolute_url()).content.decode())
    assert "Encore 8 places" in html and "Demander une place" in html

    legal = " ".join(unescape(client.get("/mentions-legales/").content.decode()).split())
    assert "Demandes de place aux activités et événements" in legal
    assert "effacés automatiquement 12 mois après l'événement" in legal


def test_an_older_site_s_legal_notice_gets_the_paragraph_once(client, demo):
    page = find_page("mentions-legales")

    def remove(content):
        for plugin in text_plugins(content, "content"):
            if LEGAL_HEADING in plugin.body:
                start = plugin.body.index(LEGAL_HEADING)
                end = plugin.body.index("</p>", start) + len("</p>")
                plugin.body = plugin.body[:start] + plugin.body[end:]
                plugin.save()

    revise_page(page, change=remove)
    assert "Demandes de place aux" not in client.get("/mentions-legales/").content.decode()

    add_to_legal_notice(stdout=io.StringIO())
    add_to_legal_notice(stdout=io.StringIO())

    html = client.get("/mentions-legales/").content.decode()
    assert html.count("Demandes de place aux activités") == 1
    published = PageContent.objects.get(page=page, language="fr")
    assert any(LEGAL_HEADING in p.body for p in text_plugins(published, "content"))
