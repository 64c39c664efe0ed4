"""Demo people and governance: the loading logic (the data is in people/demo.yaml).

The seed gives role counts, never names: every person and project group
here is an example (`is_sample`), shown as « exemple ». Rows are found by
house, body and role before being created, so a second run changes nothing.
The page /la-cooperation/equipe/ goes into La Coopération's section.
"""

from coop_site.demo import DemoData, ensure_page, find_page
from houses.models import House

from .models import Person, ProjectGroup

DATA = DemoData(
    __file__,
    required={
        "sample_name": (),
        "people": (),
        "project_groups": ("name", "theme", "description"),
        "project_group_houses": (),
        "page": ("reverse_id", "title", "slug"),
    },
)


def load(*, stdout):
    houses = {house.slug: house for house in House.objects.all()}
    for slug, bodies in DATA["people"].items():
        house = houses.get(slug) if slug else None
        if slug and house is None:
            continue  # the houses' demo was not loaded
        for kind, roles in bodies.items():
            for order, role in enumerate(roles, start=1):
                _, created = Person.objects.get_or_create(
                    house=house,
                    kind=kind,
                    role=role,
                    is_sample=True,
                    defaults={"display_name": DATA["sample_name"], "order": order * 10},
                )
                if created:
                    stdout.write(f"  personne d'exemple créée : {role} ({slug or 'Coopération'})")
    group_houses = [houses[slug] for slug in DATA["project_group_houses"] if slug in houses]
    for order, fields in enumerate(DATA["project_groups"], start=1):
        group, created = ProjectGroup.objects.get_or_create(
            name=fields["name"],
            defaults={
                "theme": fields["theme"],
                "description": fields["description"],
                "order": order * 10,
                "is_sample": True,
            },
        )
        if created:
            group.houses.set(group_houses)
            stdout.write(f"  groupe projet d'exemple créé : {group.name}")
    cooperation = find_page("la-cooperation")
    ensure_page(
        **DATA["page"],
        parent=cooperation,
        # In La Coopération's section (/la-cooperation/equipe/), like the socle commun.
        in_navigation=cooperation is not None,
        stdout=stdout,
    )
