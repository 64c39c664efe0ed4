"""The registry of news publication checks: other apps add theirs without news importing them.

Two kinds, registered from an app's `AppConfig.ready()`:

- a *check*, `check(item) -> [French sentence, ...]`: each sentence refuses
  the publication, by every way of publishing (the toolbar's « Publier », the
  list's action, the change form's status), through `news_publication_errors`;
- a *review*, `review(request, item) -> HttpResponse | None`: asked by the
  toolbar's « Publier » before it publishes; an answer (a page listing
  warnings for the editor to accept) is shown instead of publishing;
- a *warning*, `warning(item) -> [French sentence, ...]`: what the list's
  action and the change form tell the editor after publishing (they have no
  page to ask first), each sentence something to look at, not a refusal.

    # content_checks/apps.py
    from news.publishing import register_check, register_review
    register_check(news_blocking_problems)
    register_warning(news_warnings)
"""

_checks = []
_reviews = []
_warnings = []


def register_check(check):
    if check not in _checks:
        _checks.append(check)


def register_review(review):
    if review not in _reviews:
        _reviews.append(review)


def register_warning(warning):
    if warning not in _warnings:
        _warnings.append(warning)


def registered_warnings(item):
    return [sentence for warning in _warnings for sentence in warning(item)]


def registered_errors(item):
    return [error for check in _checks for error in check(item)]


def review_response(request, item):
    for review in _reviews:
        response = review(request, item)
        if response is not None:
            return response
    return None
