"""The same checks for news items, through the news' own publish step (news/publishing.py).

News items are not versioned: a status field, published by `news.services.news_publish`
from the toolbar's « Publier », the list's action and the change form. Blocking problems
refuse all three; the toolbar's « Publier » also asks the editor to accept warnings, the
other two list them once the item is published.
"""

from django.utils.translation import gettext as _

from .checker import Report, checked_or_none
from .presentation import publish_checks_response
from .publishing import CONFIRM_FIELD


def _sentences(problems):
    return [
        _("%(problem)s (bloc « %(block)s »)") % {"problem": p.message, "block": p.plugin_name}
        if p.plugin_name
        else p.message
        for p in problems
    ]


def news_blocking_problems(item):
    """French sentences, one per blocking problem of the item's body."""
    return _sentences((checked_or_none(item) or Report(item, [])).blocking)


def news_warnings(item):
    """French sentences, one per warning of the item's body (told after publishing)."""
    return _sentences((checked_or_none(item) or Report(item, [])).warnings)


def review_news_publication(request, item):
    report = checked_or_none(item)
    if report is None:
        return None
    if report.blocking or (report.warnings and CONFIRM_FIELD not in request.POST):
        return publish_checks_response(request, item, report, confirm_field=CONFIRM_FIELD)
    return None


def register():
    from news.publishing import register_check, register_review, register_warning

    register_check(news_blocking_problems)
    register_review(review_news_publication)
    register_warning(news_warnings)
