"""The report screen of the admin, driven as the browser sends it (multipart POSTs)."""

import datetime
import io
import os
import re
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from coop_site.formatting import format_file_size
from evaluation.models import Report
from evaluation.storage import private_root

from .factories import make_referential, officer, pdf_bytes, upload
from .test_permissions import add_report_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/evaluation/report/add/"


def pending_token(html):
    found = re.search(r'<input type="hidden" name="pending_upload" value="([^"]+)"', html)
    assert found, "the page keeps no pending upload"
    return found.group(1)


def pending_files():
    folder = Path(private_root()) / "en-attente"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_pdf_sent_with_another_error_is_kept_and_saved_on_the_next_submit(
    client, django_user_model
):
    referential = make_referential(dimensions=1)
    user = officer(django_user_model)
    client.force_login(user)
    data = pdf_bytes(pages=4, text="gardé")

    response = client.post(
        ADD_URL,
        add_report_data(referential, ["2"], title="", pdf_upload=upload(data, "rapport.pdf")),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in html
    assert f"Fichier reçu : rapport.pdf ({format_file_size(len(data))})" in html
    assert not Report.objects.exists()
    token = pending_token(html)

    second = add_report_data(referential, ["2"], pending_upload=token)
    del second["pdf_upload"]  # the browser's file input is empty again
    response = client.post(ADD_URL, second)

    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.get(year=2021)
    assert report.pdf.open("rb").read() == data
    assert report.original_filename == "rapport.pdf"
    assert report.page_count == 4 and report.uploaded_by == user
    assert pending_files() == []


def test_an_error_in_the_scores_keeps_the_pdf_too(client, django_user_model):
    referential = make_referential(dimensions=2)
    client.force_login(officer(django_user_model))

    response = client.post(ADD_URL, add_report_data(referential, ["2", "9"]))

    html = response.content.decode()
    assert "Le score va de 0 à 5 dans ce référentiel." in html
    assert "Fichier reçu : rapport.pdf (" in html
    second = add_report_data(referential, ["2", "4"], pending_upload=pending_token(html))
    del second["pdf_upload"]
    assert client.post(ADD_URL, second).status_code == 302
    assert Report.objects.get(year=2021).page_count == 3


def test_a_pending_pdf_cannot_be_claimed_from_another_session(client, django_user_model):
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    html = client.post(ADD_URL, add_report_data(referential, ["2"], title="")).content.decode()
    token = pending_token(html)

    client.logout()
    client.force_login(officer(django_user_model, username="autre"))
    stolen = add_report_data(referential, ["2"], pending_upload=token)
    del stolen["pdf_upload"]
    response = client.post(ADD_URL, stolen)

    assert response.status_code == 200
    assert "n&#x27;est plus disponible : choisissez-le à nouveau" in response.content.decode()
    assert not Report.objects.exists()


def test_a_new_file_replaces_the_pending_one(client, django_user_model):
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    html = client.post(ADD_URL, add_report_data(referential, ["2"], title="")).content.decode()
    newer = pdf_bytes(pages=2, text="plus récent")

    data = add_report_data(
        referential,
        ["2"],
        pending_upload=pending_token(html),
        pdf_upload=upload(newer, "nouveau.pdf"),
    )
    assert client.post(ADD_URL, data).status_code == 302

    report = Report.objects.get(year=2021)
    assert report.pdf.open("rb").read() == newer
    assert report.original_filename == "nouveau.pdf"
    assert pending_files() == []


def test_unclaimed_pending_pdfs_are_removed_after_a_day(client, django_user_model):
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    client.post(ADD_URL, add_report_data(referential, ["2"], title=""))
    [old] = pending_files()
    two_days_ago = time.time() - datetime.timedelta(days=2).total_seconds()
    os.utime(old, (two_days_ago, two_days_ago))
    client.post(ADD_URL, add_report_data(referential, ["2"], title=""))
    assert len(pending_files()) == 1 and old not in pending_files()  # cleaned on upload

    [recent] = pending_files()
    os.utime(recent, (two_days_ago, two_days_ago))
    out = io.StringIO()
    call_command("evaluation_retry", stdout=out)

    assert pending_files() == []
    assert "Fichiers en attente supprimés : 1" in out.getvalue()


def test_the_officer_dates_a_historic_report_and_publishing_keeps_that_date(
    client, django_user_model, page
):
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))

    response = client.post(ADD_URL, add_report_data(referential, ["2"], published_on="15/11/2018"))
    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.get(year=2021)
    client.post(f"/admin/evaluation/report/{report.pk}/publier/")

    report.refresh_from_db()
    assert report.is_published and report.published_on == datetime.date(2018, 11, 15)
    html = client.get(report.get_absolute_url()).content.decode()
    assert "Publié le 15 novembre 2018." in html


def test_a_report_published_without_a_date_gets_today(client, django_user_model, page):
    from django.utils import timezone

    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    client.post(ADD_URL, add_report_data(referential, ["2"]))
    report = Report.objects.get(year=2021)

    client.post(f"/admin/evaluation/report/{report.pk}/publier/")

    report.refresh_from_db()
    assert report.published_on == timezone.localdate()


def test_a_publication_date_in_the_future_or_removed_is_refused_at_its_field(
    client, django_user_model
):
    from django.utils import timezone

    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        ADD_URL, add_report_data(referential, ["2"], published_on=tomorrow.strftime("%d/%m/%Y"))
    )
    assert response.status_code == 200
    assert "La date de publication ne peut pas être dans le futur" in response.content.decode()
    assert not Report.objects.exists()


def test_a_published_report_keeps_a_date(client, django_user_model):
    from .factories import make_report
    from .test_permissions import management

    report = make_report(year=2018, published=True, title="Rapport 2018")
    client.force_login(officer(django_user_model))
    data = {"year": "2018", "kind": report.kind, "title": report.title, "published_on": ""}
    for prefix in ["results", "evaluated_actions", "indicator_values", "file_history"]:
        data.update(management(prefix))

    response = client.post(f"/admin/evaluation/report/{report.pk}/change/", data)

    assert response.status_code == 200
    assert "Un rapport publié a une date de publication" in response.content.decode()
    report.refresh_from_db()
    assert report.published_on is not None


# --- An upload is read once, and its cover and text come after the save commits ---


@pytest.fixture
def parse_calls(monkeypatch):
    """The calls to `coop_site.pdf.parse`, which still does its work (a spy, not a mock)."""
    from coop_site import pdf

    calls = []
    original = pdf.parse

    def counting(data):
        calls.append(len(data))
        return original(data)

    monkeypatch.setattr(pdf, "parse", counting)
    return calls


def test_an_uploaded_pdf_gets_its_cover_and_text_after_the_save(
    client, django_user_model, django_capture_on_commit_callbacks
):
    """The default (immediate) task backend: the work runs right after the commit."""
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    data = pdf_bytes(pages=4, text="lu une fois")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            ADD_URL, add_report_data(referential, ["2"], pdf_upload=upload(data, "rapport.pdf"))
        )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert callbacks, "the cover and text wait for the commit"
    report = Report.objects.get(year=2021)
    assert report.page_count == 4
    assert report.cover and report.cover_width
    assert "lu une fois" in report.extracted_text
    assert not report.needs_processing


def test_with_the_worker_an_upload_answers_before_its_cover_and_text_are_made(
    client, django_user_model, parse_calls, django_capture_on_commit_callbacks, settings
):
    """COOP_TASKS=database (production): the request checks the PDF once, the worker does the rest."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))
    data = pdf_bytes(pages=4, text="lu plus tard")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADD_URL, add_report_data(referential, ["2"], pdf_upload=upload(data, "rapport.pdf"))
        )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert parse_calls == [len(data)], "the request parses the upload once, to check it"
    report = Report.objects.get(year=2021)
    assert report.page_count == 4
    assert report.needs_processing and not report.cover
    change_url = f"/admin/evaluation/report/{report.pk}/change/"
    assert "En préparation : rechargez la page" in client.get(change_url).content.decode()

    # What `manage.py db_worker` does with the queued task (the command itself
    # closes the database connection, which the test's transaction holds).
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "evaluation.services.report_derive_task"
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])

    report.refresh_from_db()
    assert report.cover and report.cover_width
    assert "lu plus tard" in report.extracted_text
    assert not report.needs_processing
    page = client.get(change_url).content.decode()
    assert "Prêts : la couverture" in page
    assert "evaluation_retry" not in page, "no shell command for the officer"


def test_the_cover_and_text_are_not_derived_inside_the_saving_transaction(
    client, django_user_model, django_capture_on_commit_callbacks
):
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))

    with django_capture_on_commit_callbacks() as callbacks:  # the commit has not come yet
        response = client.post(ADD_URL, add_report_data(referential, ["2"]))

    assert response.status_code == 302
    report = Report.objects.get(year=2021)
    # Saved with its file, flagged for the retry should the process stop now.
    assert report.pdf and report.page_count == 3
    assert not report.cover and report.extracted_text == ""
    assert report.needs_processing

    for callback in callbacks:
        callback()
    report.refresh_from_db()
    assert report.cover and report.extracted_text and not report.needs_processing


# Real commits: the warning is written when the save commits, inside the request.
@pytest.mark.django_db(transaction=True)
def test_a_cover_failure_after_the_save_keeps_the_report_and_the_retry_fixes_it(
    client, django_user_model, monkeypatch
):
    import pypdfium2

    def broken(*args, **kwargs):
        raise RuntimeError("moteur de rendu indisponible")

    monkeypatch.setattr(pypdfium2, "PdfDocument", broken)
    referential = make_referential(dimensions=1)
    client.force_login(officer(django_user_model))

    response = client.post(ADD_URL, add_report_data(referential, ["2"]))

    assert response.status_code == 302
    report = Report.objects.get(year=2021)
    assert report.pdf and report.page_count == 3 and report.results.count() == 1
    assert report.needs_processing and not report.cover
    assert "indisponible" in report.processing_error
    page = client.get(response["Location"]).content.decode()
    assert "sa couverture ou son texte n&#x27;ont pas pu être calculés" in page

    monkeypatch.undo()
    out = io.StringIO()
    call_command("evaluation_retry", stdout=out)
    report.refresh_from_db()
    assert "Rapports traités : 1" in out.getvalue()
    assert report.cover and not report.needs_processing
