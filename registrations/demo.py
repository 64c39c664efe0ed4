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
