"""Accounts in Chromium (issue 12): the lockout page and an administrator lifting it.

Five wrong passwords on the admin's login page, then the right one: the page
says why, in French, in the admin's look, and nothing signs in. An
administrator opens « Connexions et blocages › Tentatives de connexion »,
deletes the line, and the colleague signs in.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "une-phrase-de-passe-longue"


def log_in(page, live_server, username, password):
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Connexion").click()


def test_a_locked_out_colleague_is_told_why_and_an_administrator_unlocks(
    live_server, new_page, django_user_model
):
    django_user_model.objects.create_user("camille", password=PASSWORD, is_staff=True)
    chief = django_user_model.objects.create_user("chef", password=PASSWORD, is_staff=True)
    chief.groups.add(Group.objects.get(name="Administrateur·rice"))
    page = new_page()
    for _ in range(5):
        log_in(page, live_server, "camille", "mauvais-mot-de-passe")

    log_in(page, live_server, "camille", PASSWORD)

    alert = page.get_by_role("alert")
    assert "Trop de tentatives de connexion" in alert.inner_text()
    assert "Réessayez dans 30 minutes ou demandez à un administrateur" in alert.inner_text()
    assert page.locator("#site-name").is_visible()  # the admin's header
    assert page.locator("#id_username").is_visible()
    page.goto(live_server.url + reverse("admin:index"))
    assert "/login/" in page.url

    admin_page = new_page()
    log_in(admin_page, live_server, "chef", PASSWORD)
    admin_page.get_by_role("link", name="Tentatives de connexion").first.click()
    row = admin_page.locator("#result_list tbody tr").filter(has_text="camille")
    assert "127.0.0.1" in row.inner_text()
    row.locator("input.action-select").check()
    admin_page.select_option("select[name=action]", "delete_selected")
    admin_page.get_by_role("button", name="Envoyer").click()
    admin_page.get_by_role("button", name=re.compile("Oui, je suis sûr")).click()
    assert "La suppression de 1 tentative de connexion a réussi." in (
        admin_page.locator(".messagelist").inner_text()
    )

    log_in(page, live_server, "camille", PASSWORD)
    assert page.url.rstrip("/").endswith(reverse("admin:index").rstrip("/"))
    assert page.get_by_role("heading", name="Gérer le site").is_visible()
