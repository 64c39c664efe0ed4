"""The Fleur de l'utilité sociale as geometry, for a server-rendered SVG.

One petal per dimension, evenly spread around the centre, starting at the
top and turning clockwise; a petal's length is proportional to its score
(the full scale reaches `RADIUS`). Labels sit outside the largest petal, in
a darkened shade of the dimension's colour that keeps 4.5:1 on white.
Everything is computed here so that the template only writes numbers.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 680
HEIGHT = 560
CX = WIDTH / 2
CY = HEIGHT / 2
RADIUS = 145  # a full score
CORE = 12  # the pistil
LABEL_GAP = 14
# Shown 288 px wide on a 320 px phone, 28 units are still a 12 px font.
FONT_SIZE = 28
LINE_HEIGHT = 30
LABEL_CHARS = 11  # per line, so that labels stay inside the drawing


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_on_white(hex_colour):
    return 1.05 / (luminance(hex_colour) + 0.05)


def darken_to_contrast(hex_colour, ratio):
    """The colour, darkened step by step until it reaches `ratio` against white."""
    hex_colour = hex_colour.lstrip("#")
    rgb = [int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)]
    for _step in range(40):
        colour = "#{:02x}{:02x}{:02x}".format(*rgb)
        if contrast_on_white(colour) >= ratio:
            return colour
        rgb = [int(c * 0.92) for c in rgb]
    return "#000000"


def wrap(label, width=LABEL_CHARS, max_lines=3):
    """Split a label into short lines on spaces; the last line keeps what remains."""
    lines, current = [], ""
    for word in label.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1 :])]
    return lines


def fmt(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def score_text(score):
    return number_format(Decimal(score).normalize() if score is not None else 0, use_l10n=True)


def petal_path(angle, length, width):
    """A leaf from the centre to the tip at `length`, with cubic curves on each side."""
    ux, uy = math.cos(angle), math.sin(angle)
    vx, vy = -uy, ux
    tip = (CX + ux * length, CY + uy * length)

    def point(along, across):
        return (CX + ux * along + vx * across, CY + uy * along + vy * across)

    c1, c2 = point(length * 0.3, width), point(length * 0.85, width * 0.7)
    c3, c4 = point(length * 0.85, -width * 0.7), point(length * 0.3, -width)
    coords = [(CX, CY), c1, c2, tip, c3, c4, (CX, CY)]
    f = [f"{fmt(x)},{fmt(y)}" for x, y in coords]
    return f"M{f[0]} C{f[1]} {f[2]} {f[3]} C{f[4]} {f[5]} {f[6]}Z", tip


@dataclass
class Petal:
    name: str
    slug: str
    colour: str
    score: float
    length: float
    path: str
    tip: tuple
    text_colour: str
    fill_colour: str


@dataclass
class Label:
    lines: list
    x: float
    y: float
    anchor: str
    colour: str
    score_line: str = ""


@dataclass
class Series:
    """The petals of one report (two series overlaid when comparing)."""

    label: str
    petals: list = field(default_factory=list)
    outline: bool = False  # drawn as a dashed outline (the earlier year of a comparison)


@dataclass
class Fleur:
    title: str
    desc: str
    series: list
    labels: list
    rings: list
    width: int = WIDTH
    height: int = HEIGHT
    cx: float = CX
    cy: float = CY
    core: int = CORE
    font_size: int = FONT_SIZE
    line_height: int = LINE_HEIGHT

    @property
    def is_overlay(self):
        return len(self.series) > 1


def _angle(index, count):
    return -math.pi / 2 + 2 * math.pi * index / count


def _petal_width(count):
    # Neighbouring petals touch without overlapping much, whatever their number.
    return min(RADIUS * 0.34, RADIUS * math.sin(math.pi / max(count, 3)) * 0.55)


def _label(index, count, name, colour, score_line=""):
    angle = _angle(index, count)
    ux, uy = math.cos(angle), math.sin(angle)
    distance = RADIUS + LABEL_GAP
    x, y = CX + ux * distance, CY + uy * distance
    lines = wrap(name)
    if abs(ux) < 0.3:
        anchor = "middle"
    else:
        anchor = "start" if ux > 0 else "end"
    total = len(lines) + (1 if score_line else 0)
    block = (total - 1) * LINE_HEIGHT
    if uy < -0.3:  # above the flower: the block ends just above the tip
        y -= block + 4
    elif uy > 0.3:  # below: the block starts just under the tip
        y += FONT_SIZE
    else:
        y -= block / 2 - FONT_SIZE / 3
    return Label(lines=lines, x=x, y=y, anchor=anchor, colour=colour, score_line=score_line)


def _series(label, dimensions, scores, scale_max):
    count = len(dimensions)
    width = _petal_width(count)
    petals = []
    for index, dimension in enumerate(dimensions):
        score = scores.get(dimension.slug)
        value = float(score) if score is not None else 0.0
        length = RADIUS * min(max(value, 0.0), scale_max) / scale_max
        path, tip = petal_path(_angle(index, count), length, width)
        petals.append(
            Petal(
                name=dimension.name,
                slug=dimension.slug,
                colour=dimension.colour,
                score=value,
                length=length,
                path=path,
                tip=tip,
                text_colour=darken_to_contrast(dimension.colour, 4.5),
                fill_colour=darken_to_contrast(dimension.colour, 3.0),
            )
        )
    return Series(label=label, petals=petals)


def _rings(scale_max):
    step = 1 if scale_max <= 10 else max(1, scale_max // 5)
    return [RADIUS * value / scale_max for value in range(step, scale_max + 1, step)]


def scale_max_of(report):
    """The top of the report's scale (5 when it has no referential yet)."""
    return report.referential.scale_max if report.referential_id else 5


def build(report, results):
    """The Fleur of one report, from its results (with their dimensions)."""
    scale_max = scale_max_of(report)
    dimensions = [r.dimension for r in results]
    scores = {r.dimension.slug: r.score for r in results}
    series = _series(report.period_label, dimensions, scores, scale_max)
    labels = [
        _label(
            i,
            len(dimensions),
            d.name,
            series.petals[i].text_colour,
            _("%(score)s sur %(max)s") % {"score": score_text(scores[d.slug]), "max": scale_max},
        )
        for i, d in enumerate(dimensions)
    ]
    parts = "; ".join(
        _("%(name)s : %(score)s sur %(max)s")
        % {"name": d.name, "score": score_text(scores[d.slug]), "max": scale_max}
        for d in dimensions
    )
    return Fleur(
        title=_("La Fleur de l'utilité sociale %(period)s") % {"period": report.period_label},
        desc=_(
            "%(count)s pétales, un par dimension, de longueur proportionnelle au score. %(parts)s."
        )
        % {"count": len(dimensions), "parts": parts},
        series=[series],
        labels=labels,
        rings=_rings(scale_max),
    )


def fleur_context(report, *, uid, show_table=True, standalone=False):
    """What the Fleur templates (fleur.html, fleur.svg) need to draw `report`.

    `{"fleur": None}` when the report has no scores yet.
    """
    results = list(report.results.all())
    if not results:
        return {"fleur": None}
    drawing = build(report, results)
    rows = [
        {
            "name": r.dimension.name,
            "slug": r.dimension.slug,
            "colour": petal.fill_colour,
            "score": score_text(r.score),
        }
        for r, petal in zip(results, drawing.series[0].petals, strict=True)
    ]
    return {
        "fleur": drawing,
        "report": report,
        "rows": rows,
        "uid": uid,
        "show_table": show_table,
        "standalone": standalone,
        "scale_max": scale_max_of(report),
    }


@dataclass
class ComparisonRow:
    dimension: object
    score_a: Decimal
    score_b: Decimal

    @property
    def delta(self):
        return self.score_b - self.score_a


@dataclass
class Comparison:
    rows: list
    only_a: list
    only_b: list
    same_referential: bool
    fleur: Fleur = None


def compare(report_a, results_a, report_b, results_b):
    """Rows of the dimensions both reports scored (matched by identifier), and their Fleur."""
    by_slug_b = {r.dimension.slug: r for r in results_b}
    slugs_a = {r.dimension.slug for r in results_a}
    rows = [
        ComparisonRow(
            dimension=r.dimension, score_a=r.score, score_b=by_slug_b[r.dimension.slug].score
        )
        for r in results_a
        if r.dimension.slug in by_slug_b
    ]
    only_a = [r.dimension for r in results_a if r.dimension.slug not in by_slug_b]
    only_b = [r.dimension for r in results_b if r.dimension.slug not in slugs_a]
    scale_max = scale_max_of(report_b)
    dimensions = [row.dimension for row in rows]
    series_a = _series(
        report_a.period_label,
        dimensions,
        {row.dimension.slug: row.score_a for row in rows},
        scale_max,
    )
    series_a.outline = True
    series_b = _series(
        report_b.period_label,
        dimensions,
        {row.dimension.slug: row.score_b for row in rows},
        scale_max,
    )
    labels = [
        _label(i, len(dimensions), d.name, series_b.petals[i].text_colour)
        for i, d in enumerate(dimensions)
    ]
    parts = "; ".join(
        _("%(name)s : %(a)s en %(pa)s, %(b)s en %(pb)s")
        % {
            "name": row.dimension.name,
            "a": score_text(row.score_a),
            "b": score_text(row.score_b),
            "pa": report_a.period_label,
            "pb": report_b.period_label,
        }
        for row in rows
    )
    fleur = Fleur(
        title=_("La Fleur de l'utilité sociale : %(a)s et %(b)s superposées")
        % {"a": report_a.period_label, "b": report_b.period_label},
        desc=_(
            "Les pétales de %(a)s sont dessinés en pointillés, ceux de %(b)s en couleur. %(parts)s."
        )
        % {"a": report_a.period_label, "b": report_b.period_label, "parts": parts},
        # The earlier year is drawn last, as an outline over the coloured petals.
        series=[series_b, series_a],
        labels=labels,
        rings=_rings(scale_max),
    )
    return Comparison(
        rows=rows,
        only_a=only_a,
        only_b=only_b,
        same_referential=report_a.referential_id == report_b.referential_id,
        fleur=fleur,
    )
