import pytest
from django.core import mail

from houses.models import ContactMessage, House
from tests.commits import committed

from .factories import make_report


@pytest.fixture
def cooperation(db):
    return House.objects.create(
        name="La Coopération",
        short_name="La Coopération",
        slug="la-cooperation",
        kind=House.Kind.COOPERATION,
        email="evaluation@example.org",
    )


@pytest.mark.django_db
def test_the_report_page_offers_a_contact_form_without_an_address(client, page, cooperation):
    make_report(year=2019)

    html = client.get("/evaluation/2019/").content.decode()

    assert 'action="/evaluation/contact/"' in html
    assert "evaluation@example.org" not in html
    assert 'value="Rapport 2019"' in html  # the subject is pre-filled


@pytest.mark.django_db
def test_a_message_to_the_officer_is_saved_with_its_topic_then_mailed(client, page, cooperation):
    response = client.post(
        "/evaluation/contact/",
        {
            "name": "Camille",
            "email": "camille@example.org",
            "subject": "Rapport 2019",
            "message": "Pouvez-vous présenter le rapport à notre conseil ?",
        },
    )
    committed()

    assert response.status_code == 302 and response["Location"].endswith("?envoye=1")
    message = ContactMessage.objects.get()
    assert message.house == cooperation and message.topic == "évaluation"
    assert mail.outbox[0].to == ["evaluation@example.org"]
    assert "bien enregistré" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_a_message_without_a_way_back_is_refused_at_the_field(client, page, cooperation):
    response = client.post(
        "/evaluation/contact/", {"name": "Camille", "subject": "Question", "message": "Bonjour"}
    )

    html = response.content.decode()
    assert response.status_code == 400  # as on a house's contact page
    assert 'aria-invalid="true"' in html and "Indiquez un e-mail ou un téléphone" in html
    assert not ContactMessage.objects.exists()


@pytest.mark.django_db
def test_the_honeypot_and_the_rate_limit_refuse_with_a_400_as_on_a_house_page(
    client, page, cooperation
):
    valid = {"name": "Camille", "email": "camille@example.org", "subject": "Q", "message": "Oui"}

    bot = client.post("/evaluation/contact/", {**valid, "website": "http://spam"})

    assert bot.status_code == 400
    assert "Votre message n&#x27;a pas pu être envoyé." in bot.content.decode()
    assert not ContactMessage.objects.exists()
    for _ in range(5):
        assert client.post("/evaluation/contact/", valid).status_code == 302
    over = client.post("/evaluation/contact/", valid)
    assert over.status_code == 400 and "beaucoup de messages" in over.content.decode()
    assert ContactMessage.objects.count() == 5


@pytest.mark.django_db
def test_without_the_cooperation_the_contact_page_is_not_available_yet(client, page):
    assert client.get("/evaluation/contact/").status_code == 404
    assert client.post("/evaluation/contact/", {"name": "Camille"}).status_code == 404


@pytest.mark.django_db
def test_the_contact_page_has_the_site_breadcrumb_with_its_last_step(client, page, cooperation):
    html = client.get("/evaluation/contact/").content.decode()

    assert '<li><a href="/evaluation/">Évaluation</a></li>' in html
    assert '<li><span aria-current="page">Contact</span></li>' in html
    assert '"@type":"BreadcrumbList"' in html.replace(" ", "")
