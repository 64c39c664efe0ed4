"""The feed of new evaluation reports: partners subscribe instead of checking back."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Report

FEED_SIZE = 20


class LatestReportsFeed(Feed):
    title = _("Rapports d'évaluation de la Coopération des Maisons de Quartier de Romans")
    description = _(
        "Chaque nouveau rapport publié de l'évaluation de l'utilité sociale de la Coopération."
    )
    language = "fr"

    def link(self):
        return reverse("evaluation:index")

    def items(self):
        return Report.objects.published().order_by("-published_on", "-year", "kind")[:FEED_SIZE]

    def item_title(self, report):
        return f"{report.title} ({report.period_label})"

    def item_description(self, report):
        return report.summary

    def item_link(self, report):
        return report.get_absolute_url()

    def item_guid(self, report):
        # The year's page may show another kind of report later: the guid stays this one's.
        return f"{report.period_label}-{report.kind}"

    item_guid_is_permalink = False

    def item_pubdate(self, report):
        return timezone.make_aware(datetime.datetime.combine(report.published_on, datetime.time()))

    def item_updateddate(self, report):
        return report.updated_at

    def item_categories(self, report):
        return [report.get_kind_display()]
