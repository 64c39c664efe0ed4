"""The evaluation officer publishes a report alone; a visitor reads and downloads it."""

import pytest

from evaluation.models import Report
from tests.evaluation.factories import (
    evaluation_page,
    make_referential,
    make_report,
    officer,
    pdf_bytes,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_publishes_and_a_visitor_downloads_and_compares(
    live_server, new_page, reload_urls, django_user_model, tmp_path
):
    evaluation_page()
    reload_urls()
    referential = make_referential(dimensions=3)
    make_report(
        year=2017,
        end_year=2018,
        kind=Report.Kind.FINAL,
        referential=referential,
        scores=["2", "2", "3"],
    )
    officer(django_user_model, username="evaluatrice")
    upload = tmp_path / "Rapport 2021.pdf"
    upload.write_bytes(pdf_bytes(pages=4, text="pouvoir d'agir 2021"))

    # The officer, alone, from the login page to the published report.
    staff = new_page()
    staff.goto(live_server.url + "/admin/login/?next=/admin/evaluation/report/add/")
    staff.fill("#id_username", "evaluatrice")
    staff.fill("#id_password", "mot-de-passe-1")
    staff.click("input[type=submit]")
    staff.wait_for_url("**/admin/evaluation/report/add/")
    staff.fill("#id_year", "2021")
    staff.select_option("#id_kind", Report.Kind.ANNUAL)
    staff.fill("#id_title", "Rapport d'évaluation 2021")
    staff.fill("#id_summary", "Ce que l'évaluation 2021 a montré, en quelques phrases.")
    staff.set_input_files("#id_pdf_upload", str(upload))
    for index, score in enumerate(["3", "3.5", "4"]):
        staff.fill(f"#id_results-{index}-score", score)
    staff.click("input[name=_continue]")
    staff.wait_for_selector(".messagelist")
    assert "4 pages" in staff.inner_text(".field-file_info")

    staff.click("text=Aperçu de la page publique")
    staff.wait_for_url("**/evaluation/2021/")
    assert "Aperçu d'un brouillon" in staff.inner_text("main")
    assert staff.locator("path.fleur__petal").count() == 3
    staff.go_back()
    staff.click("input[value='Publier le rapport']")
    staff.wait_for_selector("text=est publié")
    assert Report.objects.get(year=2021).status == Report.Status.PUBLISHED

    # A visitor sees it, downloads exactly the uploaded file, and compares years.
    visitor = new_page()
    visitor.goto(live_server.url + "/evaluation/2021/")
    assert visitor.locator("h1").inner_text() == "Rapport d'évaluation 2021"
    assert "Aperçu d'un brouillon" not in visitor.inner_text("main")
    with visitor.expect_download() as download_info:
        visitor.click("text=Télécharger le rapport")
    download = download_info.value
    assert open(download.path(), "rb").read() == upload.read_bytes()
    assert download.suggested_filename.endswith(".pdf")

    visitor.click("text=Comparer avec 2017-2018")
    visitor.wait_for_url("**/evaluation/comparer/?a=2017&b=2021")
    deltas = visitor.locator("td.delta").all_inner_texts()
    assert [d.split("(")[0].strip() for d in deltas] == ["+1", "+1,5", "+1"]
    assert visitor.locator("path.fleur__petal").count() == 6


def test_the_fleur_and_the_report_fit_a_320px_screen(live_server, new_page, reload_urls):
    evaluation_page()
    reload_urls()
    referential = make_referential(dimensions=6)
    make_report(year=2019, referential=referential, scores=["1", "2", "3", "4", "5", "2.5"])

    page = new_page(viewport={"width": 320, "height": 640})
    for path in ("/evaluation/", "/evaluation/2019/", "/evaluation/comparer/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    page.goto(live_server.url + "/evaluation/2019/")
    # The labels of the Fleur stay at least 11 px high on a phone.
    sizes = page.eval_on_selector_all(
        ".fleur__labels tspan", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert sizes and min(sizes) >= 11
    # No label spills out of the drawing, whatever the side it sits on.
    overflow = page.eval_on_selector_all(
        ".fleur__svg",
        """svgs => svgs.flatMap(svg => {
            const view = svg.viewBox.baseVal;
            return [...svg.querySelectorAll("text")].map(t => t.getBBox()).filter(b =>
                b.x < 0 || b.y < 0 || b.x + b.width > view.width || b.y + b.height > view.height);
        })""",
    )
    assert overflow == []
