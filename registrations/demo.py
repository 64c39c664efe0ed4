"""Demo data of the registrations app (registrations/demo.yaml): an example activity and an
example event take online requests, so that the form and the places left can be seen.

Only sample items are switched on, and only while the team has set no places.
"""

from coop_site.demo import DemoData
from houses.models import Activity, Event

DATA = DemoData(__file__, required={"activities": ("slug", "places"), "events": ("slug", "places")})


def load(*, stdout):
    for model, key in ((Activity, "activities"), (Event, "events")):
        for data in DATA[key]:
            item = model.objects.filter(slug=data["slug"], is_sample=True, places__isnull=True)
            for found in item:
                found.accepts_requests = True
                found.places = data["places"]
                found.save(update_fields=["accepts_requests", "places"])
                stdout.write(f"  demandes en ligne ouvertes (exemple) : {found.title}")
    add_to_legal_notice(stdout=stdout)


LEGAL_HEADING = "<h3>Demandes de place aux activités et événements</h3>"


def legal_notice_section():
    """The legal notice's paragraph on requests for a place, as coop_site/demo.yaml writes it."""
    from coop_site.demo import DATA as SITE

    page = next(page for page in SITE["pages"] if page["reverse_id"] == "mentions-legales")
    body = "".join(plugin.get("text", "") for plugin in page["plugins"])
    start = body.index(LEGAL_HEADING)
    return body[start : body.index("</p>", start) + len("</p>")]


def add_to_legal_notice(*, stdout):
    """A site loaded before the requests existed: its legal notice gets their paragraph,
    after « Données personnelles », once (never over a draft, nor a text the team rewrote)."""
    from cms.models import PageContent

    from coop_site.demo import LANGUAGE, find_page, revise_page, text_plugins

    page = find_page("mentions-legales")
    if page is None:
        return
    published = PageContent.objects.filter(page=page, language=LANGUAGE).first()
    if published is None:
        return

    def lacks(plugin):
        return "<h2>Données personnelles</h2>" in plugin.body and LEGAL_HEADING not in plugin.body

    if not any(map(lacks, text_plugins(published, "content"))):
        return
    section = legal_notice_section()

    def add(content):
        for plugin in filter(lacks, text_plugins(content, "content")):
            start = plugin.body.index("<h2>Données personnelles</h2>")
            end = plugin.body.find("</p>", start)
            if end == -1:
                continue
            end += len("</p>")
            plugin.body = f"{plugin.body[:end]}\n{section}{plugin.body[end:]}"
            plugin.save()

    revise_page(page, change=add, stdout=stdout)
