"""Following houses by e-mail: the form, the double opt-in, the signed links, leaving in one click."""

import html as html_lib
import re

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client

from subscriptions.models import Subscriber, Subscription
from subscriptions.tokens import confirm_token, unsubscribe_token
from tests.commits import committed
from tests.houses.factories import make_house
from tests.houses.test_query_counts import count_queries

from .factories import make_subscriber

pytestmark = pytest.mark.django_db

URL = "/suivre/"


@pytest.fixture
def houses():
    return {
        "ors": make_house(name="Maison de quartier des Ors", short_name="Les Ors", slug="les-ors"),
        "coop": make_house(
            name="La Coopération", short_name="Coopération", slug="cooperation", kind="cooperation"
        ),
    }


def error(html, name):
    found = re.search(rf'id="id_{name}_error">([^<]*)<', html)
    return html_lib.unescape(found.group(1)) if found else None


def text(response):
    return html_lib.unescape(response.content.decode())


def link(body, kind):
    return re.search(rf"https?://[^/\s]+(/suivre/{kind}/[^\s]+/)", body).group(1)


def test_the_form_lists_the_houses_and_ticks_the_one_it_comes_from(client, houses):
    response = client.get(URL + "?maison=les-ors")
    html = text(response)

    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers  # no CSRF token: the page stays cacheable
    assert "Maison de quartier des Ors" in html and "La Coopération" in html
    assert re.search(r'<input[^>]*value="les-ors"[^>]*checked', html)
    assert not re.search(r'<input[^>]*value="cooperation"[^>]*checked', html)
    assert "jamais transmise à d'autres organismes" in html  # the consent sentence


def test_nothing_but_the_confirmation_leaves_before_the_link_is_followed(client, houses):
    response = client.post(
        URL, {"email": " Camille@Example.NET ", "maisons": ["les-ors", "cooperation"]}
    )
    committed()

    assert response.status_code == 302 and response["Location"] == "/suivre/?envoye=1"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "camille@example.net"
    assert subscriber.confirmed_at is None
    assert Subscription.objects.active().count() == 0
    (message,) = mail.outbox
    assert message.to == ["camille@example.net"]
    assert "Confirmez" in message.subject
    assert "- Maison de quartier des Ors" in message.body and "- La Coopération" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    page = text(client.get("/suivre/?envoye=1"))
    assert "ouvrez l'e-mail que nous venons de vous envoyer" in page


def test_the_confirmation_link_confirms_the_houses_it_names(client, houses):
    client.post(URL, {"email": "camille@example.net", "maisons": ["les-ors"]})
    committed()

    response = client.get(link(mail.outbox[0].body, "confirmer"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # never answered from the page cache
    assert "C'est confirmé" in text(response)
    (subscription,) = Subscription.objects.active()
    assert subscription.house == houses["ors"]
    # Followed twice (a mail client that opens links first): still one, still confirmed.
    assert client.get(link(mail.outbox[0].body, "confirmer")).status_code == 200
    assert Subscription.objects.active().count() == 1


def test_asking_twice_keeps_one_address_and_one_row_per_house(client, houses):
    for maisons in (["les-ors"], ["les-ors", "cooperation"], ["les-ors"]):
        client.post(URL, {"email": "camille@example.net", "maisons": maisons})
    committed()

    assert Subscriber.objects.count() == 1
    assert Subscription.objects.count() == 2
    # A confirmation confirms only what it names: the first, for Les Ors alone.
    client.get(link(mail.outbox[0].body, "confirmer"))
    assert [s.house.slug for s in Subscription.objects.active()] == ["les-ors"]


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"email": "camille@", "maisons": ["les-ors"]}, "email", "Cet e-mail n'est pas complet"),
        ({"email": "", "maisons": ["les-ors"]}, "email", "Indiquez votre e-mail"),
        ({"email": "camille@example.net"}, "maisons", "Cochez au moins une maison"),
        (
            {"email": "camille@example.net", "maisons": ["nulle-part"]},
            "maisons",
            "Cette maison n'existe pas",
        ),
    ],
)
def test_bad_input_is_a_french_message_at_its_field_and_nothing_is_stored(
    client, houses, data, field, message
):
    response = client.post(URL, data)
    committed()

    assert response.status_code == 400
    html = text(response)
    assert message in error(html, field)
    assert f'aria-describedby="id_{field}' in html or field == "maisons"
    assert "corrigez les champs signalés" in html
    assert not Subscriber.objects.exists() and not mail.outbox


def test_robots_and_other_sites_are_refused(client, houses):
    trapped = client.post(
        URL, {"email": "robot@example.net", "maisons": ["les-ors"], "website": "http://spam"}
    )
    forged = client.post(
        URL, {"email": "x@example.net", "maisons": ["les-ors"]}, HTTP_ORIGIN="https://evil.example"
    )
    committed()

    assert trapped.status_code == 400 and forged.status_code == 403
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_tampered_or_expired_link_is_a_french_4xx_page(client, houses, monkeypatch):
    subscriber = make_subscriber(houses["ors"], confirmed=False)
    token = confirm_token(subscriber, [houses["ors"]])
    tampered = client.get(f"/suivre/confirmer/{token[:-3]}abc/")
    leave = unsubscribe_token(subscriber, houses["ors"])
    tampered_leave = client.get(f"/suivre/desabonnement/{leave}x/")
    # A confirmation signed eight days ago: it is worth seven.
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 8 * 24 * 3600)
    old = confirm_token(subscriber, [houses["ors"]])
    monkeypatch.setattr(signing.time, "time", real_time)
    expired = client.get(f"/suivre/confirmer/{old}/")

    assert tampered.status_code == 400 and tampered_leave.status_code == 400
    assert "Ce lien n'est pas valide" in text(tampered)
    assert expired.status_code == 410
    assert "Ce lien de confirmation a expiré" in text(expired)
    assert not Subscription.objects.active().exists()
    assert Subscription.objects.filter(unsubscribed_at__isnull=False).count() == 0


def test_the_link_of_an_address_deleted_since_is_404(client, houses):
    subscriber = make_subscriber(houses["ors"])
    token = unsubscribe_token(subscriber)
    subscriber.delete()

    response = client.get(f"/suivre/desabonnement/{token}/")

    assert response.status_code == 404
    assert "Cet abonnement n'existe plus" in text(response)


def test_one_click_from_the_link_then_i_was_wrong(client, houses):
    subscriber = make_subscriber(houses["ors"], houses["coop"])
    url = f"/suivre/desabonnement/{unsubscribe_token(subscriber, houses['ors'])}/"

    response = client.get(url)
    html = text(response)

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Vous ne recevrez plus les nouvelles de « Maison de quartier des Ors »" in html
    assert [s.house.slug for s in Subscription.objects.active()] == ["cooperation"]
    resume = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    assert "Je me suis trompé·e : me réabonner" in html

    again = client.post(resume)

    assert again.status_code == 200
    assert "Vous êtes de nouveau abonné·e" in text(again)
    assert Subscription.objects.active().count() == 2
    # Looking at the button changes nothing; another site's form is refused.
    assert client.get(resume).status_code == 200
    assert client.post(resume, HTTP_ORIGIN="https://evil.example").status_code == 403


def test_the_mail_client_s_one_click_post_unsubscribes_from_everything(houses):
    subscriber = make_subscriber(houses["ors"], houses["coop"])
    url = f"/suivre/desabonnement/{unsubscribe_token(subscriber)}/"
    mail_client = Client(enforce_csrf_checks=True)  # no cookie, no token: RFC 8058

    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Subscription.objects.active().exists()
    assert Subscriber.objects.get().unsubscribed_at is not None
    assert mail_client.post(url, {"autre": "chose"}).status_code == 400


def test_unconfirmed_addresses_are_deleted_after_seven_days(houses):
    from datetime import timedelta

    from django.utils import timezone

    old = make_subscriber(houses["ors"], confirmed=False)
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = make_subscriber(houses["ors"], confirmed=False)
    confirmed = make_subscriber(houses["ors"])
    Subscriber.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - timedelta(days=90)
    )

    call_command("purge_subscribers", stdout=open("/dev/null", "w"))

    assert set(Subscriber.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


def test_the_page_s_queries_do_not_grow_with_the_houses(client, houses, page_cache_off):
    with_two = count_queries(client, URL)
    for n in range(10):
        make_house(slug=f"maison-en-plus-{n}")

    assert with_two <= 8  # the CMS's own, the houses, the footer's houses
    assert count_queries(client, URL) == with_two
    assert "maison-en-plus-9" in text(client.get(URL))


def test_the_house_page_offers_to_follow_it(client, houses_pages, houses):
    house = houses["ors"]
    html = text(client.get(house.get_absolute_url()))

    assert "Suivre cette maison par e-mail" in html
    assert 'action="/suivre/"' in html and 'name="maisons" value="les-ors"' in html
    client.post("/suivre/", {"email": "camille@example.net", "maisons": "les-ors", "website": ""})
    assert Subscription.objects.get().house == house


def test_an_address_is_found_exported_and_erased_with_a_person_s_data(houses):
    from coop_site.personal_data import erase_all, export_all

    make_subscriber(houses["ors"], houses["coop"], email="camille@example.net")
    make_subscriber(houses["ors"], email="autre@example.net")

    exported = export_all(email="Camille@example.net")["données"]
    (row,) = exported["Abonnements aux nouvelles des maisons"]
    assert row["e-mail"] == "camille@example.net"
    assert {h["maison"] for h in row["maisons suivies"]} == {
        "Maison de quartier des Ors",
        "La Coopération",
    }
    erase_all(email="camille@example.net")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["autre@example.net"]
    assert Subscription.objects.count() == 1
