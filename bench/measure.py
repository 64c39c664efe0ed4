"""The pages of the benchmark and their SQL queries, read inside the site's Django.

Run by bench/run as `manage.py shell -c "from bench.measure import main; main()"`;
prints one JSON list: name, path, queries with a cold cache (emptied after a
first visit, as tests/coop_site/test_query_budgets.py counts) and with a warm one.
"""

import json

from django.core.cache import cache
from django.db import connection
from django.templatetags.static import static
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coop_site import page_cache_local


def pages():
    """(name, path) of each page type the issue names, picked from the demo content."""
    from evaluation.models import Report
    from houses.models import Activity, Event, House
    from news.models import NewsItem

    house = House.objects.exclude(slug="la-cooperation").order_by("pk").first()
    event = Event.objects.order_by("-starts_at").first()
    report = Report.objects.published().newest_first().first()
    news = NewsItem.objects.published().order_by("-published_on").first()
    category = Activity.objects.exclude(category="").values_list("category", flat=True).first()
    found = [
        ("accueil", "/"),
        ("une maison", house.get_absolute_url()),
        (
            "activités filtrées",
            f"{reverse('activities:list')}?maison={house.slug}&categorie={category}",
        ),
        ("agenda", reverse("agenda:list")),
        ("un événement", event.get_absolute_url()),
        ("avancement de la charte", reverse("charter:progress")),
        ("un rapport d'évaluation", report.get_absolute_url()),
        ("une actualité", news.get_absolute_url()),
        ("documents", reverse("documents:library")),
        ("agenda iCal", reverse("feeds:agenda")),
        ("CSS statique", static("css/site.css")),
    ]
    return found


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response.status_code, len(captured)


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for name, path in pages():
        client.get(path)  # an image's renditions are files, made at its first visit
        cache.clear()
        page_cache_local.clear()
        status, cold = queries(client, path)
        _status, warm = queries(client, path)
        rows.append({"name": name, "path": path, "status": status, "cold": cold, "warm": warm})
    cache.clear()
    print("BENCH-PAGES " + json.dumps(rows))
