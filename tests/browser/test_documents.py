"""A visitor on a small phone, without JavaScript, finds and downloads a document."""

import pytest

from tests.documents.factories import library_page, make_document, make_file, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_filters_the_library_and_downloads_a_pdf(live_server, reload_urls, new_page):
    library_page()
    reload_urls()
    make_document("Rapport d'activité 2018", year=2018, file=make_file("ra-2018.pdf", pdf_bytes(4)))
    make_document("Rapport d'activité 2017", year=2017)
    page = new_page(viewport={"width": 320, "height": 640}, java_script_enabled=False)

    page.goto(live_server.url + "/documents/")
    page.get_by_label("Année").select_option("2018")
    page.get_by_role("button", name="Filtrer").click()

    page.wait_for_url("**/documents/?year=2018*")
    assert page.locator(".doc__title").all_inner_texts() == ["Rapport d'activité 2018"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    link = page.get_by_role("link", name="Télécharger « Rapport d'activité 2018 » (PDF")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "ra-2018.pdf"
