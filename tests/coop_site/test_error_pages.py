"""Refusals are French pages in the site's look, like the 404."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_refused_admin_page_is_a_french_403(client, django_user_model):
    user = django_user_model.objects.create_user("sans-role", password="x", is_staff=True)
    client.force_login(user)

    response = client.get(reverse("admin:auth_user_changelist"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "Accès refusé" in html
    assert "Forbidden" not in html


def test_an_expired_form_is_a_french_403(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulaire expiré" in html
    assert "CSRF verification failed" not in html
