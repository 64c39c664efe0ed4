from django.urls import path, register_converter

from . import feeds, views
from .models import Report

app_name = "evaluation"


class YearConverter:
    """Four digits, so that an absurd year is a 404 before reaching the database."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class KindConverter:
    regex = "|".join(Report.Kind.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(YearConverter, "eval_year")
register_converter(KindConverter, "report_kind")

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("comparer/", views.CompareView.as_view(), name="compare"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("flux/rss/", feeds.LatestReportsFeed(), name="feed"),
    path("<eval_year:year>/", views.ReportDetailView.as_view(), name="detail"),
    path(
        "<eval_year:year>-<eval_year:end_year>/", views.PeriodRedirectView.as_view(), name="period"
    ),
    path("<eval_year:year>/fleur.svg", views.FleurSvgView.as_view(), name="fleur"),
    path(
        "<eval_year:year>/<report_kind:kind>/", views.ReportDetailView.as_view(), name="detail_kind"
    ),
    path(
        "<eval_year:year>/<report_kind:kind>/fleur.svg",
        views.FleurSvgView.as_view(),
        name="fleur_kind",
    ),
    path(
        "<eval_year:year>/<report_kind:kind>/telecharger/",
        views.DownloadView.as_view(),
        name="download",
    ),
    path(
        "<eval_year:year>/<report_kind:kind>/couverture/", views.CoverView.as_view(), name="cover"
    ),
]
