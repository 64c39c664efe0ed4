"""Demo data of the partners app (partners/demo.yaml): the « Partenaires » page and its partners.

Found by name: a second load, or a partner the team already entered, is left as it is.
"""

from coop_site import demo as site_demo
from coop_site.demo import DemoData, demo_folder, ensure_illustration, ensure_page, find_page
from houses.models import House

from .models import Partner

DATA = DemoData(
    __file__,
    required={
        "page": ("reverse_id", "title", "slug", "apphook"),
        "partners": ("name", "kind", "houses", "order", "is_sample"),
    },
)


def load(*, stdout):
    cooperation = find_page("la-cooperation")
    ensure_page(
        **DATA["page"],
        parent=cooperation,
        # In La Coopération's section, at its own short address.
        overwrite_url=DATA["page"]["slug"] if cooperation else None,
        stdout=stdout,
    )
    folder = demo_folder(site_demo.DATA["illustrations_folder"])
    for data in DATA["partners"]:
        if Partner.objects.filter(name=data["name"]).exists():
            continue
        logo = None
        if "logo" in data:
            logo = ensure_illustration(
                **data["logo"], folder=folder, alt=data["name"], size=(480, 240), kind="Logo"
            )
        partner = Partner.objects.create(
            name=data["name"],
            kind=data["kind"],
            description=data.get("description", ""),
            url=data.get("url", ""),
            logo=logo,
            alt_text=data["name"] if logo else "",
            order=data["order"],
            is_sample=data["is_sample"],
        )
        partner.houses.set(House.objects.filter(slug__in=data["houses"]))
        stdout.write(
            f"  partenaire créé : {partner.name}" + (" (exemple)" if partner.is_sample else "")
        )
