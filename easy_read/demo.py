"""Demo data of easy_read (easy_read/demo.yaml): one house page's easy-to-read version.

Created once, published; a version the team changed is never written over.
"""

from coop_site.demo import DemoData
from houses.models import House

from .models import EasyReadLine, EasyReadVersion

DATA = DemoData(__file__, required={"versions": ("house", "slug", "title", "lines")})


def load(*, stdout):
    for data in DATA["versions"]:
        house = House.objects.filter(slug=data["house"]).first()
        if house is None or EasyReadVersion.objects.filter(house=house).exists():
            continue
        version = EasyReadVersion.objects.create(
            house=house, slug=data["slug"], title=data["title"], is_published=True
        )
        EasyReadLine.objects.bulk_create(
            EasyReadLine(
                version=version,
                order=order,
                is_heading=line.get("heading", False),
                pictogram=line.get("picto", ""),
                text=line["text"],
            )
            for order, line in enumerate(data["lines"])
        )
        stdout.write(f"  version facile à lire : {version.title}")
