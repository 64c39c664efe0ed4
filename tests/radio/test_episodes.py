"""The weekly radio show: episodes checked by their sound, published with their words."""

import json

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import etree
from lxml import html as lxml_html

from coop_site.demo import ensure_page
from radio import demo
from radio.demo import silent_mp3
from radio.models import Episode
from tests.news.factories import make_house

from .factories import make_episode, radio_page, sound_file

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/filer/clipboard/operations/upload/no_folder/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


@pytest.fixture
def pages(reload_urls):
    radio_page()
    ensure_page(
        reverse_id="maisons",
        title="Maisons",
        slug="maisons",
        apphook="HousesApphook",
        apphook_namespace="houses",
    )
    reload_urls()


def form_data(**overrides):
    data = {
        "title": "La Conserverie à la radio",
        "slug": "la-conserverie-a-la-radio",
        "published_on": "09/01/2019",
        "status": Episode.Status.DRAFT,
        "description": "Les bénévoles racontent la Conserverie.",
        "guests": "",
        "transcript": "Bonjour et bienvenue.",
    }
    data.update(overrides)
    return data


def field_errors(response, field):
    return [str(error) for error in response.context["adminform"].form.errors.get(field, [])]


# --- The sound, judged by its content -------------------------------------------


def test_a_text_file_renamed_mp3_is_refused_by_the_media_library_in_french(client, editor):
    client.force_login(editor)

    response = client.post(
        UPLOAD_URL, {"file": SimpleUploadedFile("emission.mp3", b"Ceci n'est pas un son.\n" * 20)}
    )

    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert "« emission.mp3 » n'est pas un fichier accepté d'après son contenu" in error
    assert "sons MP3 ou Ogg" in error


def test_a_file_that_only_starts_like_an_mp3_is_refused_by_the_media_library(client, editor):
    client.force_login(editor)

    response = client.post(
        UPLOAD_URL, {"file": SimpleUploadedFile("emission.mp3", b"ID3" + b"pas un son " * 50)}
    )

    assert response.status_code == 400
    assert "aucune trame audio" in json.loads(response.content)["error"]


def test_a_real_mp3_goes_into_the_media_library(client, editor):
    client.force_login(editor)

    response = client.post(UPLOAD_URL, {"file": SimpleUploadedFile("emission.mp3", silent_mp3(2))})

    assert response.status_code == 200, response.content


def test_the_episode_form_refuses_a_file_that_is_not_a_sound_at_its_field(client, editor):
    """A file renamed .mp3 before the checks existed is judged again by its bytes."""
    client.force_login(editor)
    fake = sound_file("emission.mp3", b"<html><script>alert(1)</script></html>")

    response = client.post(reverse("admin:radio_episode_add"), form_data(audio=fake.pk))

    assert response.status_code == 200
    errors = field_errors(response, "audio")
    assert errors and "n'est pas un fichier accepté" in errors[0], errors
    assert "une page web (HTML)" in errors[0]
    assert not Episode.objects.exists()


def test_the_episode_form_refuses_a_private_sound(client, editor):
    client.force_login(editor)
    private = sound_file("prive.mp3", public=False)

    response = client.post(reverse("admin:radio_episode_add"), form_data(audio=private.pk))

    assert "Ce fichier est privé dans la médiathèque" in field_errors(response, "audio")[0]


def test_the_duration_is_read_from_the_file(client, editor):
    client.force_login(editor)
    sound = sound_file("trois-secondes.mp3", silent_mp3(3))

    response = client.post(reverse("admin:radio_episode_add"), form_data(audio=sound.pk))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Episode.objects.get().duration == 3


# --- Publication needs the transcript ---------------------------------------------


def test_publishing_from_the_form_without_transcript_is_refused_in_french(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:radio_episode_add"),
        form_data(audio=sound_file().pk, status=Episode.Status.PUBLISHED, transcript="  "),
    )

    assert response.status_code == 200
    errors = field_errors(response, "transcript")
    assert "Ajoutez la transcription du son" in errors[0]
    assert "sourde ou malentendante" in errors[0]
    assert not Episode.objects.exists()


def test_a_draft_without_transcript_may_be_saved_but_not_published_by_the_action(client, editor):
    client.force_login(editor)
    draft = make_episode(status=Episode.Status.DRAFT, transcript="")
    ready = make_episode(status=Episode.Status.DRAFT)

    response = client.post(
        reverse("admin:radio_episode_changelist"),
        {"action": "publish", "_selected_action": [draft.pk, ready.pk]},
        follow=True,
    )

    texts = [str(message) for message in response.context["messages"]]
    assert any("reste en brouillon" in t and "Ajoutez la transcription" in t for t in texts), texts
    assert "1 émission publiée." in texts
    draft.refresh_from_db()
    ready.refresh_from_db()
    assert draft.status == Episode.Status.DRAFT
    assert ready.status == Episode.Status.PUBLISHED


def test_editors_manage_episodes_and_house_teams_do_not(client, django_user_model, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:radio_episode_add")).status_code == 200

    officer = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    officer.groups.add(Group.objects.get(name="Chargé·e d'évaluation"))
    client.force_login(officer)
    assert client.get(reverse("admin:radio_episode_add")).status_code == 403


# --- The episode page ---------------------------------------------------------------


def test_the_episode_page_plays_the_sound_and_shows_the_transcript(client, pages):
    episode = make_episode(
        title="La radio des Ors",
        guests="Deux bénévoles",
        transcript="Présentatrice : bonjour à toutes et à tous.\n\nBénévole : merci.",
    )

    response = client.get(episode.get_absolute_url())

    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    (player,) = tree.xpath("//audio")
    assert player.get("controls") is not None
    assert player.get("preload") == "metadata"
    (source,) = player.xpath("source")
    assert source.get("src") == episode.audio.url
    assert source.get("type") == "audio/mpeg"
    (transcript,) = tree.xpath('//details[@class="episode__transcript"]')
    assert transcript.get("open") is not None
    assert "bonjour à toutes et à tous" in transcript.text_content()
    assert player.get("aria-describedby") == transcript.xpath(".//div")[0].get("id")
    assert "Avec Deux bénévoles" in tree.text_content()
    feed = tree.xpath('//link[@rel="alternate"][@type="application/rss+xml"]')
    assert reverse("radio:podcast") in [link.get("href") for link in feed]


def test_a_draft_episode_is_hidden_from_visitors_and_previewed_by_editors(client, pages, editor):
    draft = make_episode(status=Episode.Status.DRAFT, transcript="")

    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Aperçu : cette émission n'est pas publiée" in response.content.decode()


def test_a_sample_episode_says_it_is_an_example(client, pages):
    episode = make_episode(is_sample=True)

    assert "Exemple" in client.get(episode.get_absolute_url()).content.decode()
    assert "Exemple" in client.get(reverse("radio:list")).content.decode()


# --- The list page ----------------------------------------------------------------


def test_the_list_shows_published_episodes_newest_first_and_filters_by_house(client, pages):
    ors = make_house(slug="les-ors", short_name="Les Ors")
    make_episode(title="Émission ancienne", days_ago=20)
    make_episode(title="Émission récente", days_ago=1, houses=[ors])
    make_episode(title="Émission en brouillon", status=Episode.Status.DRAFT, days_ago=0)
    make_episode(title="Émission de la semaine prochaine", days_ago=-7)

    page = client.get(reverse("radio:list")).content.decode()
    assert page.index("Émission récente") < page.index("Émission ancienne")
    assert "Émission en brouillon" not in page
    assert "Émission de la semaine prochaine" not in page
    assert "2 émissions" in page

    filtered = client.get(reverse("radio:list"), {"maison": "les-ors"}).content.decode()
    assert "Émission récente" in filtered and "Émission ancienne" not in filtered

    wrong = client.get(reverse("radio:list"), {"maison": "nulle-part"}).content.decode()
    assert "Cette maison n&#x27;existe pas" in wrong


@pytest.mark.usefixtures("page_cache_off")
def test_the_list_page_runs_the_same_queries_for_2_or_10_episodes(client, pages):
    houses = [make_house(), make_house(slug="les-ors", short_name="Les Ors")]

    def queries():
        client.get(reverse("radio:list"))
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("radio:list")).status_code == 200
        return len(captured)

    queries()  # django CMS resolves its pages' addresses once after the apphook reload
    for _ in range(2):
        make_episode(houses=houses)
    few = queries()
    for _ in range(8):
        make_episode(houses=houses)
    assert queries() == few


# --- The podcast --------------------------------------------------------------------


def test_the_podcast_feed_is_what_podcast_applications_read(client, pages):
    episode = make_episode(
        title="L'AGORA en direct", guests="Une animatrice", description="On parle de l'AGORA."
    )
    make_episode(title="Brouillon caché", status=Episode.Status.DRAFT)

    response = client.get(reverse("radio:podcast"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.namespaces.get("itunes") == ITUNES
    channel = feed.feed
    assert channel.title == "La radio des Maisons de Quartier de Romans"
    assert channel.language == "fr"
    assert channel.link == "http://example.com/radio/"
    assert channel.author == "Coopération des Maisons de Quartier de Romans-sur-Isère"
    assert channel.image.href == "http://example.com/static/img/radio-podcast.png"
    # Apple's values are "true" and "false"; feedparser reads "false" as not explicit (None).
    assert not channel.itunes_explicit
    assert [tag.term for tag in channel.tags] == ["Society & Culture"]
    assert "émission de radio hebdomadaire" in channel.summary

    episode = Episode.objects.select_related("audio").get(pk=episode.pk)
    (entry,) = feed.entries
    assert entry.title == "L'AGORA en direct"
    assert entry.link == f"http://example.com{episode.get_absolute_url()}"
    (enclosure,) = entry.enclosures
    assert enclosure.href == f"http://example.com{episode.audio.url}"
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == episode.audio.size > 0
    assert entry.itunes_duration == "00:00:03"
    assert not entry.itunes_explicit
    assert entry.summary == "On parle de l'AGORA. Avec Une animatrice."
    assert entry.id == f"radio-episode-{episode.pk}"
    assert entry.published_parsed

    xml = etree.fromstring(response.content)
    itunes = {"itunes": ITUNES}
    for path in ("author", "image", "category", "explicit", "summary"):
        assert xml.find(f"channel/itunes:{path}", itunes) is not None, path
    assert xml.find("channel/itunes:explicit", itunes).text == "false"
    assert xml.find("channel/itunes:image", itunes).get("href").startswith("http://")
    item = xml.find("channel/item")
    for path in ("author", "summary", "explicit", "duration"):
        assert item.find(f"itunes:{path}", itunes) is not None, path
    assert set(item.find("enclosure").keys()) == {"url", "length", "type"}


# --- Search, sitemap, the houses' pages -------------------------------------------


def test_the_transcript_is_searchable(client, pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        episode = make_episode(transcript="On parle aujourd'hui des courgettes du marché.")
        make_episode(status=Episode.Status.DRAFT, transcript="Les courgettes du brouillon.")

    page = client.get("/recherche/", {"q": "courgettes"}).content.decode()

    assert episode.get_absolute_url() in page
    assert page.count("courgettes") >= 1
    assert "Les courgettes du brouillon" not in page


def test_published_episodes_are_in_the_sitemap(client, pages):
    episode = make_episode()
    draft = make_episode(status=Episode.Status.DRAFT)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"http://example.com{episode.get_absolute_url()}" in sitemap
    assert draft.get_absolute_url() not in sitemap


def test_a_house_page_shows_its_episodes_under_a_la_radio(client, pages):
    ours = make_house()
    other = make_house(slug="les-ors", short_name="Les Ors")
    make_episode(title="Émission de Saint-Nicolas", houses=[ours])
    make_episode(title="Émission des Ors", houses=[other])

    html = client.get(ours.get_absolute_url()).content.decode()
    section = html.split('id="a-la-radio"')[1].split("</section>")[0]

    assert "À la radio" in section
    assert "Émission de Saint-Nicolas" in section
    assert "Émission des Ors" not in section
    assert "?maison=saint-nicolas" in section


def test_a_house_without_episodes_has_no_radio_section(client, pages):
    house = make_house()

    assert 'id="a-la-radio"' not in client.get(house.get_absolute_url()).content.decode()


# --- The demo -------------------------------------------------------------------------


def test_the_demo_loader_makes_sample_episodes_once(client, reload_urls):
    make_house()
    out = open("/dev/null", "w")

    demo.load(stdout=out)
    demo.load(stdout=out)
    reload_urls()

    episodes = list(Episode.objects.all())
    assert len(episodes) == len(demo.DATA["episodes"])
    assert all(episode.is_sample and episode.status == "published" for episode in episodes)
    assert all(episode.duration and episode.transcript for episode in episodes)
    assert all(episode.title.startswith("Exemple") for episode in episodes)
    page = client.get(episodes[0].get_absolute_url()).content.decode()
    assert "<audio" in page and "Exemple" in page
