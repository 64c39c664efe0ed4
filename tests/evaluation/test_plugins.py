import pytest
from cms.api import add_plugin
from cms.models import PageContent
from djangocms_versioning.models import Version

from coop_site.demo import demo_user, ensure_page
from evaluation.models import Report

from .factories import make_referential, make_report


def page_with(plugin_type, **data):
    page = ensure_page(reverse_id="essai", title="Page d'essai", slug="essai")
    user = demo_user()
    published = PageContent.objects.get(page=page, language="fr")
    draft = Version.objects.get_for_content(published).copy(user)
    placeholder = draft.content.get_placeholders().get(slot="content")
    add_plugin(placeholder, plugin_type, "fr", **data)
    draft.publish(user)
    return "/essai/"


@pytest.mark.django_db
def test_the_fleur_plugin_shows_the_latest_report_by_default(client, page):
    referential = make_referential(dimensions=4)
    make_report(year=2017, kind=Report.Kind.FINAL, referential=referential, scores=["1"] * 4)
    make_report(year=2019, referential=referential, scores=["2", "3", "4", "5"])
    make_report(year=2021, referential=referential, scores=["5"] * 4, published=False)

    html = client.get(page_with("FleurPlugin")).content.decode()

    assert html.count('class="fleur__petal"') == 4
    assert (
        "La Fleur de l&#x27;utilité sociale 2019" in html
        or "La Fleur de l'utilité sociale 2019" in html
    )
    assert 'href="/evaluation/2019/"' in html


@pytest.mark.django_db
def test_the_fleur_plugin_shows_a_chosen_report(client, page):
    referential = make_referential(dimensions=3)
    chosen = make_report(
        year=2017, kind=Report.Kind.FINAL, referential=referential, scores=["1"] * 3
    )
    make_report(year=2019, referential=referential, scores=["2"] * 3)

    html = client.get(page_with("FleurPlugin", report=chosen, show_table=False)).content.decode()

    assert "utilité sociale 2017" in html and "utilité sociale 2019" not in html
    assert "<table" not in html.split('class="fleur-plugin"')[1].split("</div>\n</div>")[0]


@pytest.mark.django_db
def test_the_latest_reports_plugin_lists_published_reports_newest_first(client, page):
    for year in (2017, 2018, 2019):
        make_report(year=year)
    make_report(year=2020, published=False)

    html = client.get(page_with("LatestReportsPlugin", count=2)).content.decode()

    assert "Rapport 2019" in html and "Rapport 2018" in html
    assert "Rapport 2017" not in html and "Rapport 2020" not in html
    assert html.index("Rapport 2019") < html.index("Rapport 2018")
