import pytest
from cms.models import PageContent
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from filer.models import File, Folder

from evaluation.models import Report

from .factories import OFFICER_GROUP, make_referential, make_report, officer, upload

INLINE_PREFIXES = ["results", "evaluated_actions", "indicator_values", "file_history"]


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def add_report_data(referential, scores, **fields):
    data = {
        "referential": str(referential.pk),  # the add screen has no history of files yet
        "year": "2021",
        "kind": Report.Kind.ANNUAL,
        "title": "Rapport d'évaluation 2021",
        "summary": "Ce que l'évaluation 2021 a montré.",
        "pdf_upload": upload(),
        **fields,
    }
    for prefix in INLINE_PREFIXES[:-1]:
        data.update(management(prefix))
    dimensions = list(referential.dimensions.all())
    data.update(management("results", total=len(dimensions)))
    for i, (dimension, score) in enumerate(zip(dimensions, scores, strict=True)):
        data[f"results-{i}-dimension"] = str(dimension.pk)
        data[f"results-{i}-score"] = score
        data[f"results-{i}-observed"] = f"Observé sur {dimension.name}"
    return data


@pytest.mark.django_db
def test_the_officer_group_has_exactly_the_evaluation_permissions():
    group = Group.objects.get(name=OFFICER_GROUP)
    perms = set(group.permissions.values_list("content_type__app_label", "codename"))

    # The report's PDF and cover live in the evaluation's own storage: no media library.
    assert {app for app, _ in perms} == {"evaluation"}
    assert ("evaluation", "publish_report") in perms
    assert ("evaluation", "add_report") in perms and (
        "evaluation",
        "change_dimensionresult",
    ) in perms
    # The history of replaced files is read-only, and CMS plugins are not the officer's.
    assert ("evaluation", "view_reportfilehistory") in perms
    assert ("evaluation", "delete_reportfilehistory") not in perms
    assert ("evaluation", "add_fleurpluginmodel") not in perms


@pytest.mark.django_db
def test_the_add_screen_has_one_prefilled_row_per_dimension(client, django_user_model):
    referential = make_referential(dimensions=6)
    client.force_login(officer(django_user_model))

    html = client.get("/admin/evaluation/report/add/").content.decode()

    assert 'name="results-TOTAL_FORMS" value="6"' in html
    for i, dimension in enumerate(referential.dimensions.all()):
        assert (
            f'<option value="{dimension.pk}" selected>'
            in html.split(f'name="results-{i}-dimension"')[1].split("</select>")[0]
        )


@pytest.mark.django_db
def test_the_officer_creates_then_publishes_a_report(client, django_user_model, page):
    referential = make_referential(dimensions=3)
    user = officer(django_user_model)
    client.force_login(user)

    response = client.post(
        "/admin/evaluation/report/add/", add_report_data(referential, ["2", "3.5", "4"])
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.get(year=2021)
    assert report.status == Report.Status.DRAFT
    assert report.page_count == 3 and report.uploaded_by == user
    assert [str(r.score) for r in report.results.all()] == ["2.0", "3.5", "4.0"]
    assert client.get(report.get_absolute_url()).status_code == 200  # the preview

    response = client.post(f"/admin/evaluation/report/{report.pk}/publier/")

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.PUBLISHED and report.published_on is not None


@pytest.mark.django_db
def test_a_bad_score_is_refused_at_its_field(client, django_user_model):
    referential = make_referential(dimensions=2)
    client.force_login(officer(django_user_model))

    response = client.post(
        "/admin/evaluation/report/add/", add_report_data(referential, ["2", "9"])
    )

    assert response.status_code == 200
    assert "Le score va de 0 à 5 dans ce référentiel." in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_a_text_file_named_pdf_is_refused_in_the_admin(client, django_user_model):
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    data = add_report_data(referential, ["2"], pdf_upload=upload(b"juste du texte", "rapport.pdf"))

    response = client.post("/admin/evaluation/report/add/", data)

    assert response.status_code == 200
    assert "n&#x27;est pas un PDF" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_the_officer_cannot_edit_cms_pages_or_houses(client, django_user_model, page):
    client.force_login(officer(django_user_model))
    content = PageContent.admin_manager.filter(page=page).first()

    assert client.get(f"/admin/cms/pagecontent/{content.pk}/change/").status_code == 403
    assert client.get("/admin/houses/house/").status_code == 403
    assert client.get("/admin/houses/house/add/").status_code == 403


@pytest.mark.django_db
def test_an_editor_without_the_group_cannot_publish(client, django_user_model, page):
    editor = django_user_model.objects.create_user("redacteur", is_staff=True)
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="evaluation", codename__in=["view_report", "change_report"]
        )
    )
    report = make_report(published=False)
    client.force_login(editor)

    assert client.get(f"/admin/evaluation/report/{report.pk}/change/").status_code == 200
    response = client.post(f"/admin/evaluation/report/{report.pk}/publier/")

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


@pytest.mark.django_db
def test_the_toolbar_offers_the_officer_a_new_report_and_this_report(
    client, django_user_model, page
):
    report = make_report(published=False)
    client.force_login(officer(django_user_model))

    html = client.get("/evaluation/2019/?toolbar_on").content.decode()

    assert "/admin/evaluation/report/add/" in html
    assert f"/admin/evaluation/report/{report.pk}/change/" in html
    assert "Modifier ou publier ce brouillon" in html


@pytest.mark.django_db
def test_the_officer_cannot_upload_into_the_media_library(client, django_user_model):
    folder = Folder.objects.create(name="Photos")
    client.force_login(officer(django_user_model))
    photo = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0 pas une vraie photo", "image/jpeg")

    # The URL the media-library widget's uploader posts to, with and without a folder.
    response = client.post(reverse("admin:filer-ajax_upload"), {"file": photo})
    assert response.status_code == 403
    photo.seek(0)
    response = client.post(
        reverse("admin:filer-ajax_upload", kwargs={"folder_id": folder.pk}), {"file": photo}
    )
    assert response.status_code == 403
    assert not File.objects.exists()
    assert client.get("/admin/filer/folder/").status_code == 403


@pytest.mark.django_db
def test_every_evaluation_screen_of_the_officer_opens(client, django_user_model):
    report = make_report(published=False, referential=make_referential(dimensions=2))
    client.force_login(officer(django_user_model))

    for url in [
        "/admin/",
        "/admin/evaluation/report/",
        "/admin/evaluation/report/add/",
        f"/admin/evaluation/report/{report.pk}/change/",
        "/admin/evaluation/referential/",
        "/admin/evaluation/referential/add/",
        f"/admin/evaluation/referential/{report.referential.pk}/change/",
        "/admin/evaluation/indicator/",
        "/admin/evaluation/indicator/add/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "filer" not in response.content.decode().split("<body", 1)[1].lower(), url
