"""Read-side of the charter: the text as shown, and the progress dashboard.

Every function runs a fixed number of queries whatever the number of
sections, commitments, houses or years: rows are fetched in bulk and
arranged in Python.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from houses.models import House

from .models import Commitment, CommitmentProgress

Status = CommitmentProgress.Status

# Geometry of the small share-over-years chart (SVG user units).
CHART_BAR_WIDTH = 28
CHART_GAP = 14
CHART_PLOT_HEIGHT = 60
CHART_TOP = 16  # room for the percentage above the bar
CHART_BOTTOM = 18  # room for the year below the bar


def charter_sections(charter, *, theme=None, section=None):
    """The charter's sections in order, each with `shown_commitments`.

    With `theme`, only that theme's commitments are shown and sections left
    empty are dropped; with `section`, only that section.
    """
    commitments = Commitment.objects.order_by("order", "pk").prefetch_related("themes")
    sections = charter.sections.order_by("order", "pk").prefetch_related(
        Prefetch("commitments", queryset=commitments)
    )
    if section is not None:
        sections = sections.filter(pk=section.pk)
    return sections_for_theme(list(sections), theme)


def sections_for_theme(sections, theme=None):
    """Set `shown_commitments` on each section (all, or only `theme`'s ones).

    Works on already fetched sections, so that a page can list every theme
    in use and filter by one of them without querying again.
    """
    shown = []
    number = 0
    for section in sections:
        # Numbers run through the whole charter, so "engagement 12" stays 12 when filtered.
        for commitment in section.commitments.all():
            number += 1
            commitment.number = number
        section.shown_commitments = [
            commitment
            for commitment in section.commitments.all()
            if theme is None or theme in commitment.themes.all()
        ]
        if section.shown_commitments or theme is None:
            shown.append(section)
    return shown


def themes_in_use(sections):
    """The themes of the given sections' commitments, in the themes' order."""
    themes = {theme for s in sections for c in s.commitments.all() for theme in c.themes.all()}
    return sorted(themes, key=lambda theme: (theme.order, theme.name))


@dataclass
class YearShare:
    year: int
    kept: int
    total: int

    @property
    def percent(self):
        return round(100 * self.kept / self.total) if self.total else 0


@dataclass
class HouseProgress:
    house: House
    total: int
    counts: dict = field(default_factory=dict)
    history: list = field(default_factory=list)

    @property
    def kept(self):
        return self.counts.get(Status.KEPT, 0)

    @property
    def in_progress(self):
        return self.counts.get(Status.IN_PROGRESS, 0)

    @property
    def to_start(self):
        return self.counts.get(Status.TO_START, 0)

    @property
    def missing(self):
        """Commitments without any entry this year: they count as not kept."""
        return self.total - sum(self.counts.values())

    @property
    def percent(self):
        return round(100 * self.kept / self.total) if self.total else 0

    @property
    def chart(self):
        return share_chart(self.history)


@dataclass
class MatrixRow:
    commitment: Commitment
    cells: list

    @property
    def done_cells(self):
        """The cells whose entry says what was done or links evidence: the row's one disclosure."""
        return [
            cell
            for cell in self.cells
            if cell["entry"] and (cell["entry"].done or cell["entry"].evidence)
        ]


@dataclass
class MatrixSection:
    section: object
    rows: list


@dataclass
class Dashboard:
    charter: object
    year: int | None
    years: list
    houses: list
    sections: list
    has_sample: bool = False

    @property
    def total(self):
        return sum(len(s.rows) for s in self.sections)

    @property
    def column_count(self):
        return len(self.houses) + 1


def share_chart(history):
    """Bars of the share kept per year, as coordinates for the SVG template."""
    bars = []
    for index, share in enumerate(history):
        height = round(CHART_PLOT_HEIGHT * share.percent / 100)
        x = CHART_GAP + index * (CHART_BAR_WIDTH + CHART_GAP)
        y = CHART_TOP + CHART_PLOT_HEIGHT - height
        bars.append(
            {
                "year": share.year,
                "percent": share.percent,
                "x": x,
                "y": y,
                "width": CHART_BAR_WIDTH,
                "height": height,
                "middle": x + CHART_BAR_WIDTH // 2,
                "value_y": y - 4,
            }
        )
    return {
        "bars": bars,
        "width": CHART_GAP + len(bars) * (CHART_BAR_WIDTH + CHART_GAP),
        "height": CHART_TOP + CHART_PLOT_HEIGHT + CHART_BOTTOM,
        "baseline": CHART_TOP + CHART_PLOT_HEIGHT,
        "year_y": CHART_TOP + CHART_PLOT_HEIGHT + CHART_BOTTOM - 4,
    }


def progress_years(charter):
    return list(CommitmentProgress.objects.for_charter(charter).years())


def progress_dashboard(*, charter, year=None, years=None, houses=None):
    """Houses × commitments for one year, with each house's share kept over the years.

    `year` None means the latest year with an entry. A commitment a house
    has not filled in counts as not kept.
    """
    if houses is None:
        houses = list(House.objects.neighbourhood_houses())
    if years is None:
        years = progress_years(charter)
    if year is None and years:
        year = years[0]
    sections = charter_sections(charter)
    total = sum(len(s.shown_commitments) for s in sections)
    house_ids = [house.pk for house in houses]

    progress = CommitmentProgress.objects.for_charter(charter).filter(house__in=house_ids)
    entries = {
        (entry.house_id, entry.commitment_id): entry
        for entry in progress.filter(year=year).select_related("evidence")
    }
    summaries = {house.pk: HouseProgress(house=house, total=total) for house in houses}
    for entry in entries.values():
        counts = summaries[entry.house_id].counts
        counts[entry.status] = counts.get(entry.status, 0) + 1
    per_year = (
        progress.values("house_id", "year")
        .annotate(kept=Count("pk", filter=Q(status=Status.KEPT)))
        .order_by("year")
    )
    for row in per_year:
        summaries[row["house_id"]].history.append(
            YearShare(year=row["year"], kept=row["kept"], total=total)
        )

    matrix = []
    for section in sections:
        rows = []
        for commitment in section.shown_commitments:
            cells = [
                {"house": house, "entry": entries.get((house.pk, commitment.pk))}
                for house in houses
            ]
            rows.append(MatrixRow(commitment=commitment, cells=cells))
        matrix.append(MatrixSection(section=section, rows=rows))
    return Dashboard(
        charter=charter,
        year=year,
        years=years,
        houses=[summaries[pk] for pk in house_ids],
        sections=matrix,
        has_sample=any(entry.is_sample for entry in entries.values()),
    )
