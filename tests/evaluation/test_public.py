import re

import pytest
from django.conf import settings

from coop_site.formatting import format_file_size
from evaluation.models import EvaluatedAction, Report

from .factories import make_referential, make_report, pdf_bytes

pytestmark = pytest.mark.usefixtures("page_cache_off")  # query counts measure a render


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "motdepasse")
    return user


@pytest.mark.django_db
def test_a_published_report_page_tells_its_results(client, page):
    referential = make_referential(dimensions=6)
    report = make_report(
        year=2019, referential=referential, scores=["1", "2", "3", "4", "5", "2.5"]
    )

    response = client.get("/evaluation/2019/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and report.title in html
    assert report.download_url in html and "3 pages" in html
    # The size in French units, as everywhere on the site ("2,4 Mo", not "Kio").
    assert format_file_size(report.pdf_size) in html and "Kio" not in html
    assert html.count('class="fleur__petal"') == 6
    assert "Score : <strong>2,5</strong> sur 5" in html
    assert "@" not in re.sub(
        r"<script.*?</script>", "", html.split('<main id="contenu"')[1].split("</main>")[0]
    )


@pytest.mark.django_db
def test_the_download_is_the_uploaded_pdf(client, page):
    report = make_report(year=2019)

    response = client.get(report.download_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="2019-rapport-annuel-rapport-2019.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == report.pdf.open("rb").read()


@pytest.mark.django_db
def test_drafts_are_404_for_visitors_and_visible_to_staff(client, page, staff):
    report = make_report(year=2022, published=False)
    urls = [
        "/evaluation/2022/",
        report.download_url,
        report.cover_url,
        "/evaluation/2022/rapport-annuel/",
    ]

    for url in urls:
        assert client.get(url).status_code == 404, url
    # Guessing where the file lies on disk does not help either.
    assert client.get(f"{settings.MEDIA_URL}{report.pdf.name}").status_code == 404
    # Climbing out of the media folder is refused outright (400).
    assert client.get(f"{settings.MEDIA_URL}../private/{report.pdf.name}").status_code in (400, 404)

    client.force_login(staff)
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "Aperçu d'un brouillon" in client.get("/evaluation/2022/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/evaluation/1999/",
        "/evaluation/abcd/",
        "/evaluation/99999999999999999999/",
        "/evaluation/2019/rapport-inconnu/",
        "/evaluation/2019/synthese/",
        "/evaluation/2019-2020/",
        "/evaluation/1999/fleur.svg",
        "/evaluation/comparer/?a=2019&b=abc",
        "/evaluation/comparer/?a=2019&b=1999",
        "/evaluation/comparer/?a=2019",
    ],
)
def test_bad_years_and_unknown_reports_are_404(client, page, url):
    make_report(year=2019, referential=make_referential(), scores=["3"] * 6)

    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_two_year_period_has_one_page_under_its_first_year(client, page):
    report = make_report(year=2017, end_year=2018, kind=Report.Kind.FINAL)

    assert report.get_absolute_url() == "/evaluation/2017/"
    response = client.get("/evaluation/2017-2018/")
    assert response.status_code == 301 and response["Location"] == "/evaluation/2017/"


@pytest.mark.django_db
def test_a_synthesis_links_to_its_full_report_and_back(client, page):
    full = make_report(year=2017, end_year=2018, kind=Report.Kind.FINAL, title="Rapport final")
    synthesis = make_report(year=2017, end_year=2018, kind=Report.Kind.SYNTHESIS, title="Synthèse")
    synthesis.full_report = full
    synthesis.save()

    assert synthesis.get_absolute_url() == "/evaluation/2017/synthese/"
    assert "Lire la synthèse : Synthèse" in client.get("/evaluation/2017/").content.decode()
    assert (
        "Lire le rapport complet : Rapport final"
        in client.get("/evaluation/2017/synthese/").content.decode()
    )


@pytest.mark.django_db
def test_the_index_shows_the_fleur_the_timeline_and_the_approach(client, page):
    referential = make_referential()
    make_report(
        year=2017, end_year=2018, kind=Report.Kind.FINAL, referential=referential, scores=["2"] * 6
    )
    make_report(year=2019, referential=referential, scores=["3"] * 6)
    make_report(year=2020, published=False)

    html = client.get("/evaluation/").content.decode()

    assert "questionnaires" in html and "partenaires" in html
    assert html.count('class="fleur__petal"') == 6
    assert "2017-2018" in html and "Rapport 2019" in html
    assert "Rapport 2020" not in html
    assert 'action="/evaluation/comparer/"' in html


def add_actions(report, count, house):
    for i in range(count):
        EvaluatedAction.objects.create(
            report=report,
            title=f"Action {i}",
            scope=EvaluatedAction.Scope.HOUSE if i % 2 else EvaluatedAction.Scope.COOPERATION,
            house=house if i % 2 else None,
        ).dimensions.set(report.referential.dimensions.all()[:2])


@pytest.mark.django_db
def test_a_report_page_takes_the_same_queries_for_3_or_30_actions(
    client, page, django_assert_max_num_queries
):
    from houses.models import House

    house = House.objects.create(
        name="Maison test", short_name="Test", slug="test", kind="centre_social"
    )
    referential = make_referential()
    report = make_report(year=2019, referential=referential, scores=["3"] * 6)
    add_actions(report, 3, house)
    client.get("/evaluation/2019/")  # warm the CMS caches

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coop_site.page_cache import bump_version

    # Both renders the first of a version of the site (adding the actions
    # makes one): the shared contents (notice, partners) are read in both.
    bump_version()
    with CaptureQueriesContext(connection) as few:
        client.get("/evaluation/2019/")
    add_actions(report, 27, house)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/evaluation/2019/").content.decode()
    assert html.count('class="evaluated-action"') == 30


@pytest.mark.django_db
def test_the_home_page_shows_the_latest_report(client, demo):
    html = client.get("/").content.decode()
    section = html.split('id="home-report"')[1].split("</section>")[0]
    latest = Report.objects.published().get(year=2019)

    assert latest.title.replace("'", "&#x27;") in section
    assert latest.download_url in section and latest.cover_url in section
    assert f"({format_file_size(latest.pdf_size)})" in section
    assert client.get(latest.cover_url)["Content-Type"] == "image/webp"


@pytest.mark.django_db
def test_the_demo_has_the_evaluation_pages(client, demo):
    assert client.get("/evaluation/").status_code == 200
    html = client.get("/evaluation/2019/").content.decode()
    assert html.count('class="evaluated-action"') == 12
    assert "5 actions menées en coopération" in html
    assert "(exemple)" in html
    pdf = client.get("/evaluation/2017/rapport-final/telecharger/")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    assert client.get("/evaluation/comparer/?a=2017&b=2019").status_code == 200
    assert pdf_bytes  # the factories' PDFs and the demo's come from the same library


def query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the CMS caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/evaluation/", "/evaluation/comparer/?a=2001&b=2002"])
def test_listing_pages_take_the_same_queries_for_3_or_30_reports(client, page, url):
    referential = make_referential(dimensions=6)
    for year in range(2001, 2004):
        make_report(year=year, referential=referential, scores=["3"] * 6, with_pdf=False)
    few = query_count(client, url)
    for year in range(2004, 2031):
        make_report(year=year, referential=referential, scores=["2"] * 6, with_pdf=False)

    assert query_count(client, url) <= few


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_no_second_report(demo):
    from django.core.management import call_command

    from evaluation.models import DimensionResult, EvaluatedAction, IndicatorValue

    def counts():
        return [
            m.objects.count() for m in (Report, DimensionResult, EvaluatedAction, IndicatorValue)
        ]

    before = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert counts() == before == [3, 12, 12, 6]


@pytest.mark.django_db
def test_unpublishing_hides_the_report_again(client, page, staff):
    report = make_report(year=2019)
    assert client.get("/evaluation/2019/").status_code == 200

    client.force_login(staff)
    client.post(f"/admin/evaluation/report/{report.pk}/depublier/")
    client.logout()

    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT
    assert client.get("/evaluation/2019/").status_code == 404
    assert client.get(report.download_url).status_code == 404


@pytest.mark.django_db
def test_a_report_file_lost_from_the_storage_is_a_404_not_a_500(client, page):
    report = make_report(year=2019)
    cover_url, download_url = report.cover_url, report.download_url
    assert client.get(cover_url).status_code == 200
    report.pdf.storage.delete(report.pdf.name)
    report.cover.storage.delete(report.cover.name)

    assert client.get(download_url).status_code == 404
    assert client.get(cover_url).status_code == 404


@pytest.mark.django_db
def test_a_report_s_cover_size_is_stored_so_listing_reports_never_opens_the_files(client, page):
    report = make_report(year=2019)
    stored = type(report).objects.values("cover_width", "cover_height").get(pk=report.pk)

    assert stored["cover_width"] and stored["cover_height"]


@pytest.mark.django_db
def test_a_published_cover_is_cacheable_and_a_revisit_gets_304(client, page, staff):
    report = make_report(year=2019)

    first = client.get(report.cover_url)

    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=86400"
    etag = first["ETag"]
    again = client.get(report.cover_url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    # A new cover is a new ETag.
    report.title = "Rapport d'évaluation 2019, corrigé"
    report.save()
    assert client.get(report.cover_url, headers={"If-None-Match": etag}).status_code == 200
    # A draft's cover stays private to staff.
    draft = make_report(year=2022, published=False)
    client.force_login(staff)
    response = client.get(draft.cover_url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private, no-store")
    assert not response.has_header("ETag")
