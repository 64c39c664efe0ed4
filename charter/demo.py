"""Demo data of the charter app: the loading logic of charter/demo.yaml.

The charter's text is the association's own (../shared/seed/la-cooperation.txt,
"Charte écostructure"), kept word for word but for spelling and typography.
The progress of the houses is invented to show the dashboard: every entry is
flagged `is_sample`, which the admin and the public page show.
"""

from coop_site.demo import DemoData, ensure_page
from houses.models import House

from .models import Charter, CharterSection, Commitment, CommitmentProgress, Theme

DATA = DemoData(
    __file__,
    required={
        "themes": ("slug", "name"),
        "charter": ("title", "preamble"),
        "sections": ("title", "intro", "commitments"),
        "sample_years": (),
        "page": ("reverse_id", "title", "slug"),
    },
)

LEVELS = [
    CommitmentProgress.Status.TO_START,
    CommitmentProgress.Status.IN_PROGRESS,
    CommitmentProgress.Status.KEPT,
]


def sample_status(house_index, commitment_index, year_index):
    """A spread of statuses that improves from one year to the next, or None (not filled in)."""
    if (house_index + commitment_index) % 9 == 4 and year_index == 0:
        return None
    level = (house_index * 5 + commitment_index * 7) % 3
    if year_index and (house_index + commitment_index) % 2 == 0:
        level = min(level + 1, 2)
    return LEVELS[level]


def ensure_charter():
    themes = {}
    for order, theme in enumerate(DATA["themes"], start=1):
        themes[theme["slug"]], _ = Theme.objects.get_or_create(
            slug=theme["slug"], defaults={"name": theme["name"], "order": order}
        )
    charter, _ = Charter.objects.get_or_create(
        version=1, defaults={**DATA["charter"], "is_current": not Charter.objects.current()}
    )
    commitments = []
    for section_order, data in enumerate(DATA["sections"], start=1):
        section, _ = CharterSection.objects.get_or_create(
            charter=charter,
            order=section_order,
            defaults={"title": data["title"], "intro": data["intro"]},
        )
        for order, item in enumerate(data["commitments"], start=1):
            commitment, created = Commitment.objects.get_or_create(
                section=section, order=order, defaults={"text": item["text"]}
            )
            if created:
                commitment.themes.set([themes[slug] for slug in item["themes"]])
            commitments.append((commitment, item["done"]))
    return charter, commitments


def load(*, stdout):
    charter, commitments = ensure_charter()
    created = 0
    houses = House.objects.neighbourhood_houses()
    for house_index, house in enumerate(houses):
        for year_index, year in enumerate(DATA["sample_years"]):
            for commitment_index, (commitment, done) in enumerate(commitments):
                status = sample_status(house_index, commitment_index, year_index)
                if status is None:
                    continue
                _, was_created = CommitmentProgress.objects.get_or_create(
                    house=house,
                    commitment=commitment,
                    year=year,
                    defaults={
                        "status": status,
                        "done": "" if status == CommitmentProgress.Status.TO_START else done,
                        "is_sample": True,
                    },
                )
                created += was_created
    if created:
        stdout.write(f"  avancement d'exemple de la charte : {created} statuts")
    ensure_page(**DATA["page"], stdout=stdout)
