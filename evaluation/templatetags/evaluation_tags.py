from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from evaluation import fleur as fleur_geometry
from evaluation.models import Report

register = template.Library()


def _uid(context, base):
    """An id unique in the page, even with several Fleurs (plugins, comparison)."""
    request = context.get("request")
    count = getattr(request, "_fleur_count", 0) + 1 if request is not None else 1
    if request is not None:
        request._fleur_count = count
    return f"{base}-{count}"


@register.inclusion_tag("evaluation/includes/fleur.html", takes_context=True)
def fleur(context, report, show_table=True):
    """The Fleur of `report` as inline SVG, followed by the table of its scores."""
    return fleur_geometry.fleur_context(
        report, uid=_uid(context, f"fleur-{report.pk}"), show_table=show_table
    )


def signed(value):
    if value > 0:
        return "+" + fleur_geometry.score_text(value)
    if value < 0:
        return "−" + fleur_geometry.score_text(-value)
    return "0"


@register.inclusion_tag("evaluation/includes/comparison.html", takes_context=True)
def fleur_compare(context, comparison, report_a, report_b):
    rows = []
    for row, petal in zip(comparison.rows, comparison.fleur.series[0].petals, strict=True):
        delta = row.delta
        trend = "up" if delta > 0 else "down" if delta < 0 else "same"
        rows.append(
            {
                "name": row.dimension.name,
                "slug": row.dimension.slug,
                "colour": petal.fill_colour,
                "score_a": fleur_geometry.score_text(row.score_a),
                "score_b": fleur_geometry.score_text(row.score_b),
                "delta": signed(Decimal(delta)),
                "trend": trend,
                "trend_label": {
                    "up": _("en hausse"),
                    "down": _("en baisse"),
                    "same": _("stable"),
                }[trend],
            }
        )
    return {
        "fleur": comparison.fleur,
        "rows": rows,
        "report_a": report_a,
        "report_b": report_b,
        "uid": _uid(context, "comparaison"),
    }


@register.simple_tag
def latest_report():
    """The latest published report, for the home page (one query)."""
    return Report.objects.published().newest_first().first()
