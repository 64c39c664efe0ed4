"""The README's roles table, checked cell by cell on the real admin and CMS URLs.

Each role is a real group as the migrations create it; a user in that group
(with the "statut équipe") asks for the page that a given action needs:
"oui" must answer 200, "non" 403. "sa maison" means 200 on the user's house
and 403 on another house (an event of the house, and the house's own change
page, in the admin).
"""

import datetime
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from cms.api import create_page
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from filer.models import FolderPermission

from coop_site.roles import (
    ADMINISTRATOR,
    ALL,
    COOPERATION_WIDE_GROUP,
    EDITOR,
    EVALUATION_OFFICER,
    HOUSE_TEAM,
    ROLE_NAMES,
    declared_permissions,
    declared_roles,
    role_permissions,
)
from houses.models import Event, House
from houses.services import house_staff_group_ensure
from people.models import Person
from registrations.services import request_place
from subscriptions.models import HouseMessage, Subscriber, Subscription

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"

ACTIONS = {
    "Modifier une page": "page",
    "Mode structure": "structure",
    "Actualités": "news",
    "Galeries": "gallery",
    "Documents": "document",
    "Radio et journal": "radio",
    "Rapports d'évaluation": "report",
    "Données des maisons": "house",
    "Abonnés des maisons": "subscribers",
    "Inscriptions": "registrations",
    "Données d'une personne": "personal_data",
    "Équipes et gouvernance": "people",
    "Contenus partagés": "shared",
    "Partenaires": "partners",
    "Utilisateurs": "users",
}


def readme_table():
    """{role: {action: cell}} from the table of the "Rôles et permissions" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Rôles et permissions", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|") and not re.match(r"^\|\s*-", line)
    ]
    header, *body = rows
    actions = [ACTIONS[label] for label in header[1:]]
    return {row[0]: dict(zip(actions, row[1:], strict=True)) for row in body}


TABLE = readme_table()
CASES = [(role, action, cell) for role, cells in TABLE.items() for action, cell in cells.items()]


def test_the_readme_table_covers_every_role_and_action():
    assert set(TABLE) == {
        "Éditeur·rice",
        "Équipe <maison>",
        "Chargé·e d'évaluation",
        "Administrateur·rice",
    }
    assert all(set(cells) == set(ACTIONS.values()) for cells in TABLE.values())
    assert {cell for _, _, cell in CASES} <= {"oui", "non", "sa maison"}


@pytest.fixture
def world(db):
    """Two houses, each with its staff group and one event: the role's own and another."""
    houses = {}
    for key, name in (("own", "Test"), ("other", "Autre")):
        house = House.objects.create(
            name=f"Maison {name}", short_name=name, slug=name.lower(), kind=House.Kind.SOCIAL_CENTRE
        )
        house_staff_group_ensure(house=house)
        houses[key] = house
        houses[f"{key}_event"] = Event.objects.create(
            title=f"Fête {name}",
            slug=f"fete-{name.lower()}",
            starts_at=timezone.now(),
            ends_at=timezone.now() + datetime.timedelta(hours=2),
            organiser=house,
            theme=Event.Theme.values[0],
        )
        houses[f"{key}_person"] = Person.objects.create(
            display_name=f"Camille {name}", role="Directrice", house=house
        )
        subscriber = Subscriber.objects.create(
            email=f"abonne-{name.lower()}@example.net", confirmed_at=timezone.now()
        )
        houses[f"{key}_subscription"] = Subscription.objects.create(
            subscriber=subscriber, house=house, confirmed_at=timezone.now()
        )
        houses[f"{key}_message"] = HouseMessage.objects.create(
            house=house, subject=f"Fête {name}", body="Samedi."
        )
        houses[f"{key}_event"].accepts_requests = True
        houses[f"{key}_event"].places = 10
        houses[f"{key}_event"].save()
        houses[f"{key}_registration"] = request_place(
            item=houses[f"{key}_event"], name=f"Dominique {name}", phone="06 12 34 56 78"
        )
    return houses


def own_draft(user):
    """A draft page of `user`: version locking reserves a draft to its author."""
    page = create_page(
        "Brouillon", "pages/one_column.html", "fr", slug="brouillon", created_by=user
    )
    return PageContent.admin_manager.get(page=page, language="fr")


def role_groups(role, world):
    if role == "Équipe <maison>":
        return [House.objects.get(pk=world["own"].pk).staff_group]
    # Each role's group comes from a migration: a missing one fails the test.
    return [Group.objects.get(name=role)]


def own_shared_draft(user):
    """A draft of a shared content (djangocms-alias) by `user`, as the footer's partners."""
    from djangocms_alias.models import Alias, AliasContent, Category

    category = Category.objects.create(name="Contenus partagés du site")
    alias = Alias.objects.create(category=category, static_code="partenaires")
    return AliasContent.objects.with_user(user).create(
        alias=alias, name="Partenaires", language="fr"
    )


def add_plugin_url(content, plugin_type, placeholder=None):
    placeholder = placeholder or content.get_placeholders().get(slot="content")
    query = {
        "placeholder_id": placeholder.pk,
        "plugin_type": plugin_type,
        "plugin_language": "fr",
        "plugin_position": 1,
    }
    return reverse("admin:cms_placeholder_add_plugin") + "?" + urlencode(query)


def first_admin_add_url(app_label, model_name=None):
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label == app_label and model_name in (None, opts.model_name):
            return reverse(f"admin:{app_label}_{opts.model_name}_add")
    raise AssertionError(f"l'application {app_label} n'a pas d'administration")


def status(client, url):
    return client.get(url).status_code


def check(client, action, world):
    """What a user of the role gets for `action`: a status, or (own, other) for houses."""
    content = world["content"]
    if action == "page":
        return status(client, add_plugin_url(content, "TextPlugin"))
    if action == "structure":
        # The structure board is offered (toolbar switch) only with "cms.use_structure".
        response = client.get(get_object_edit_url(content), follow=True)
        if response.status_code != 200:
            return 403
        html = response.content.decode()
        return 200 if get_object_structure_url(content) in html else 403
    if action == "news":
        return status(client, reverse("admin:news_newsitem_add"))
    if action == "gallery":
        return status(client, add_plugin_url(content, "GalleryPlugin"))
    if action == "document":
        return status(client, first_admin_add_url("documents"))
    if action == "radio":
        # The radio's episodes and the journal's issues go together.
        answers = {
            status(client, reverse("admin:radio_episode_add")),
            status(client, reverse("admin:journal_issue_add")),
        }
        return answers.pop() if len(answers) == 1 else answers
    if action == "report":
        return status(client, first_admin_add_url("evaluation", "report"))
    if action == "house":
        # An event of the house, and the house's own page (hours, closures).
        answers = {
            (
                status(client, reverse(url, args=[own.pk])),
                status(client, reverse(url, args=[other.pk])),
            )
            for url, own, other in (
                ("admin:houses_event_change", world["own_event"], world["other_event"]),
                ("admin:houses_house_change", world["own"], world["other"]),
            )
        }
        return answers.pop() if len(answers) == 1 else answers
    if action == "people":
        # A person of the house's team, on the house's side and on the other's.
        return tuple(
            status(client, reverse("admin:people_person_change", args=[world[key].pk]))
            for key in ("own_person", "other_person")
        )
    if action == "subscribers":
        # A subscription of the house, and a message to its subscribers, on either side.
        answers = {
            (
                status(client, reverse(url, args=[world[f"own_{key}"].pk])),
                status(client, reverse(url, args=[world[f"other_{key}"].pk])),
            )
            for url, key in (
                ("admin:subscriptions_subscription_change", "subscription"),
                ("admin:subscriptions_housemessage_change", "message"),
            )
        }
        return answers.pop() if len(answers) == 1 else answers
    if action == "registrations":
        # A request for the house's event, and for the other house's; and its attendance sheet.
        answers = {
            tuple(
                status(client, reverse(url, args=args(world[key])))
                for key in ("own_event", "other_event")
            )
            for url, args in (
                (
                    "admin:registrations_registration_change",
                    lambda event: [event.registrations.get().pk],
                ),
                ("admin:registrations_registration_sheet", lambda event: ["evenement", event.pk]),
            )
        }
        return answers.pop() if len(answers) == 1 else answers
    if action == "personal_data":
        return status(client, reverse("personal_data"))
    if action == "shared":
        shared = world["shared"]
        return status(client, add_plugin_url(shared, "TextPlugin", shared.placeholder))
    if action == "partners":
        return status(client, reverse("admin:partners_partner_add"))
    if action == "users":
        return status(client, reverse("admin:auth_user_changelist"))
    raise AssertionError(action)


def expected(action, cell):
    if action in ("house", "people", "subscribers", "registrations"):
        return {"oui": (200, 200), "non": (403, 403), "sa maison": (200, 403)}[cell]
    return {"oui": 200, "non": 403}[cell]


@pytest.mark.parametrize("role,action,cell", CASES)
def test_role_can_do_exactly_what_the_readme_says(
    client, django_user_model, world, role, action, cell
):
    groups = role_groups(role, world)
    user = django_user_model.objects.create_user("membre", password="x", is_staff=True)
    user.groups.add(*groups)
    client.force_login(user)
    world["content"] = own_draft(user)
    world["shared"] = own_shared_draft(user)

    assert check(client, action, world) == expected(action, cell), (role, action, cell)


def test_a_staff_member_without_a_group_can_do_nothing(client, django_user_model, world):
    user = django_user_model.objects.create_user("sans-role", password="x", is_staff=True)
    client.force_login(user)
    world["content"] = own_draft(user)
    world["shared"] = own_shared_draft(user)

    for action in ("page", "news", "shared", "users"):
        assert check(client, action, world) == 403, action
    assert check(client, "house", world) == (403, 403)
    assert check(client, "people", world) == (403, 403)
    assert check(client, "subscribers", world) == (403, 403)


def test_editor_cannot_unlock_a_colleague_s_draft(db):
    editors = Group.objects.get(name="Éditeur·rice")
    administrators = Group.objects.get(name="Administrateur·rice")

    assert not editors.permissions.filter(codename="delete_versionlock").exists()
    assert administrators.permissions.filter(codename="delete_versionlock").exists()
    assert not editors.permissions.filter(content_type__app_label="auth").exists()


def project_app_labels():
    """The apps of this project (not Django's, the CMS's or filer's)."""
    from django.apps import apps

    return {
        app_config.label
        for app_config in apps.get_app_configs()
        if Path(app_config.path).parent == Path(settings.BASE_DIR)
    }


def declared(role):
    """{(app label, codename or ALL)} the apps' roles modules give `role`."""
    return {
        (app_label, codename)
        for app_label, codenames in declared_permissions(role).items()
        for codename in codenames
    }


def test_the_roles_cover_every_permission_of_the_project(db):
    """A model added later fails here until its app's roles.py says which role gets it.

    ADMINISTRATOR alone, if nobody else should: see coop_site/roles.py.
    """
    administrators = Group.objects.get(name="Administrateur·rice")
    editors = Group.objects.get(name="Éditeur·rice")
    hint = "dites dans <app>/roles.py quel rôle reçoit ces permissions (voir coop_site/roles.py)"

    missing = Permission.objects.exclude(group=administrators)
    assert not missing.exists(), (hint, list(missing.values_list("codename", flat=True)))
    editor_apps = Permission.objects.filter(
        content_type__app_label__in=["news", "galleries", "documents"]
    ).exclude(group=editors)
    assert not editor_apps.exists(), (hint, list(editor_apps.values_list("codename", flat=True)))

    given = set().union(*(declared(role) for role in ROLE_NAMES))
    unassigned = [
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.filter(
            content_type__app_label__in=project_app_labels()
        ).values_list("content_type__app_label", "codename")
        if (app_label, codename) not in given and (app_label, ALL) not in given
    ]
    assert not unassigned, (hint, unassigned)


def test_the_roles_name_only_permissions_that_exist(db):
    for role in ROLE_NAMES:
        for app_label, codename in declared(role):
            found = Permission.objects.filter(content_type__app_label=app_label)
            if codename != ALL:
                found = found.filter(codename=codename)
            assert found.exists(), (role, app_label, codename)


def test_each_app_gives_roles_on_its_own_models_only():
    """houses never grants the charter's permissions, nor any app another's.

    Besides its own, an app names only those of a third-party app it needs
    for a role (filer's for a house's folder, django CMS's for the pages).
    """
    project = project_app_labels()
    roles_modules = declared_roles()
    assert {"coop_site", "houses", "charter", "evaluation", "news"} <= set(roles_modules)
    for app_label, roles in roles_modules.items():
        assert set(roles) <= set(ROLE_NAMES), app_label
        for entries in roles.values():
            for entry in entries:
                if isinstance(entry, tuple):
                    assert entry[0] == app_label or entry[0] not in project, (app_label, entry)


def test_the_houses_code_names_no_charter_permission(db):
    charter = set(
        Permission.objects.filter(content_type__app_label="charter").values_list(
            "codename", flat=True
        )
    )
    assert "change_commitmentprogress" in charter
    houses_dir = Path(__file__).resolve().parents[2] / "houses"
    for path in houses_dir.rglob("*.py"):
        words = set(re.findall(r"\w+", path.read_text(encoding="utf-8")))
        assert not words & charter, (path, words & charter)


def test_every_group_of_a_role_holds_exactly_its_permissions(world):
    """What the migrations (and each new house's group) give is what the roles declare."""
    groups = {
        EDITOR: [Group.objects.get(name=EDITOR)],
        EVALUATION_OFFICER: [Group.objects.get(name=EVALUATION_OFFICER)],
        HOUSE_TEAM: [
            Group.objects.get(name=COOPERATION_WIDE_GROUP),
            House.objects.get(pk=world["own"].pk).staff_group,
        ],
    }
    for role, role_groups_ in groups.items():
        expected_pks = set(role_permissions(role).values_list("pk", flat=True))
        assert expected_pks, role
        for group in role_groups_:
            assert set(group.permissions.values_list("pk", flat=True)) == expected_pks, group
    house_team = set(
        role_permissions(HOUSE_TEAM).values_list("content_type__app_label", "codename")
    )
    assert ("charter", "change_commitmentprogress") in house_team
    assert ("houses", "manage_all_houses") not in house_team


def test_the_next_migrate_puts_back_a_group_changed_by_hand(db):
    editors = Group.objects.get(name=EDITOR)
    editors.permissions.remove(Permission.objects.get(codename="add_newsitem"))
    editors.permissions.add(Permission.objects.get(codename="delete_versionlock"))

    call_command("migrate", verbosity=0)

    assert set(editors.permissions.all()) == set(role_permissions(EDITOR))


@pytest.mark.django_db(transaction=True)
def test_the_roles_come_back_after_a_database_flush():
    """A transactional test flushes the database; the groups come back with it."""
    call_command("flush", interactive=False, verbosity=0)

    for role in (EDITOR, EVALUATION_OFFICER, ADMINISTRATOR, COOPERATION_WIDE_GROUP):
        assert Group.objects.get(name=role).permissions.exists(), role
    assert FolderPermission.objects.filter(
        group__name=EDITOR, folder__isnull=True, type=FolderPermission.ALL
    ).exists()
