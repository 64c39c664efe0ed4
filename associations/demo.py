"""Demo data of the associations app (associations/demo.yaml): the directory and rooms
pages, their associations and rooms, every one an example (the seed names none).

Found by slug: a second load, or what the team already entered, is left as it is.
"""

from coop_site.demo import DemoData, ensure_page, find_page
from houses.models import House

from .models import Association, Room

DATA = DemoData(
    __file__,
    required={
        "page": ("reverse_id", "title", "slug", "apphook"),
        "associations": ("name", "slug", "field", "house", "offer"),
        "rooms_page": ("reverse_id", "title", "slug", "apphook"),
        "rooms": ("house", "name", "slug", "capacity"),
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
    houses = {house.slug: house for house in House.objects.all()}
    for data in DATA["associations"]:
        house = houses.get(data["house"])
        if house is None or Association.objects.filter(slug=data["slug"]).exists():
            continue
        Association.objects.create(
            name=data["name"],
            slug=data["slug"],
            field=data["field"],
            house=house,
            offer=data["offer"],
            email=f"{data['slug']}@example.org",
            is_sample=True,
        )
        stdout.write(f"  association créée (exemple) : {data['name']}")
    ensure_page(
        **DATA["rooms_page"],
        parent=cooperation,
        overwrite_url=DATA["rooms_page"]["slug"] if cooperation else None,
        stdout=stdout,
    )
    for data in DATA["rooms"]:
        house = houses.get(data["house"])
        if house is None or Room.objects.filter(house=house, slug=data["slug"]).exists():
            continue
        Room.objects.create(
            house=house,
            name=data["name"],
            slug=data["slug"],
            capacity=data["capacity"],
            equipment=data.get("equipment", ""),
            accessibility=data.get("accessibility", ""),
            conditions=data.get("conditions", ""),
            is_sample=True,
        )
        stdout.write(f"  salle créée (exemple) : {data['name']}")
