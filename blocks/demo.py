"""Demo content of the editors' blocks: a section of houses, a quote, a list that
opens and a note at the end of the La Coopération page (its data: blocks/demo.yaml),
and the AGORA's places and sessions on its page.

The page exists already (coop_site.demo); a new version is published with the
blocks once, and never over a draft someone is writing (`revise_page`).
"""

from cms.api import add_plugin
from cms.models import PageContent

from coop_site.demo import LANGUAGE, DemoData, find_page, revise_page
from evaluation.models import Report
from houses.models import House

DATA = DemoData(
    __file__,
    required={
        "page": (),
        "agora_page": (),
        "houses_section": ("title", "intro"),
        "quote": ("text", "author", "source"),
        "accordion": ("title", "items"),
        "note": ("kind", "title", "text"),
    },
)
BLOCK_TYPES = ("SectionPlugin", "AccordionPlugin", "QuotePlugin", "NotePlugin")


def _link_target(link):
    if "page" in link:
        page = find_page(link["page"])
        return {"page": page} if page else None
    report = Report.objects.filter(year=link["report_year"], kind=link["report_kind"]).first()
    return {"report": report} if report else None


def add_blocks(content):
    placeholder = content.get_placeholders().get(slot="content")

    def add(plugin_type, target=None, **data):
        return add_plugin(placeholder, plugin_type, LANGUAGE, target=target, **data)

    houses = list(House.objects.exclude(kind=House.Kind.COOPERATION).order_by("name"))
    section = add("SectionPlugin", **DATA["houses_section"])
    grid = add("GridPlugin", target=section, columns=2)
    for house in houses:
        column = add("ColumnPlugin", target=grid)
        add("CallToActionPlugin", target=column, text=house.name, style="link", house=house)
    add("QuotePlugin", **DATA["quote"])
    accordion = add("AccordionPlugin", title=DATA["accordion"]["title"])
    for item in DATA["accordion"]["items"]:
        entry = add("AccordionItemPlugin", target=accordion, summary=item["summary"])
        add("TextPlugin", target=entry, body=item["text"])
        target = _link_target(item["link"])
        if target:
            add("CallToActionPlugin", target=entry, text=item["link"]["text"], style="secondary",
                **target)  # fmt: skip
    add("NotePlugin", **DATA["note"])


def _has_blocks(page, plugin_types):
    content = PageContent.admin_manager.latest_content().get(page=page, language=LANGUAGE)
    plugins = content.get_placeholders().get(slot="content").get_plugins(LANGUAGE)
    return plugins.filter(plugin_type__in=plugin_types).exists()


def add_agora_block(content):
    placeholder = content.get_placeholders().get(slot="content")
    add_plugin(placeholder, "AgoraPlugin", LANGUAGE)


def load(*, stdout):
    page = find_page(DATA["page"])
    if page is not None and not _has_blocks(page, BLOCK_TYPES):
        revise_page(page, change=add_blocks, stdout=stdout)
    # The AGORA's page shows its places and sessions, read from the agenda.
    agora = find_page(DATA["agora_page"])
    if agora is not None and not _has_blocks(agora, ["AgoraPlugin"]):
        revise_page(agora, change=add_agora_block, stdout=stdout)
