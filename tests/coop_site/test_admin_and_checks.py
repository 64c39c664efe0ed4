import io

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.mark.django_db
def test_anonymous_user_is_sent_to_the_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_staff_user_logs_in_to_the_admin(client, django_user_model):
    django_user_model.objects.create_user("camille", password="un-mot-de-passe", is_staff=True)

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "camille", "password": "un-mot-de-passe"},
        follow=True,
    )

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "Gérer le site" in response.content.decode()


@pytest.mark.django_db
def test_wrong_password_gets_a_french_message(client, django_user_model):
    django_user_model.objects.create_user("camille", password="un-mot-de-passe", is_staff=True)

    response = client.post("/admin/login/", {"username": "camille", "password": "faux"})

    assert response.status_code == 200
    assert "Erreur" in response.content.decode()
    assert "mot de passe" in response.content.decode()


@pytest.mark.django_db
def test_system_checks_are_clean():
    out = io.StringIO()
    call_command("check", stdout=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    # Exits with SystemExit(1) when a migration is missing. Limited to our apps:
    # under pytest, djangocms-text declares unmanaged legacy models of its own.
    call_command(
        "makemigrations", *settings.LOCAL_APPS, "--check", "--dry-run", stdout=io.StringIO()
    )


@pytest.mark.django_db
def test_ensure_admin_creates_one_administrator_once(django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "secret-de-test-123")
    call_command("ensure_admin", stdout=io.StringIO())
    call_command("ensure_admin", stdout=io.StringIO())

    admins = django_user_model.objects.filter(is_superuser=True)
    assert list(admins.values_list("username", flat=True)) == ["admin"]
    assert admins.get().check_password("secret-de-test-123")


@pytest.mark.django_db
def test_ensure_admin_prints_a_random_password_once(django_user_model, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("notez-le) : ")[1].split()[0]

    assert django_user_model.objects.get(username="admin").check_password(password)
    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert "notez-le" not in again.getvalue()
