"""Helpers for URLs of views that django CMS mounts through apphooks."""

from django.urls import NoReverseMatch, reverse


def reverse_or_empty(name, **kwargs):
    """The URL of an apphooked view, or "" while its page is not placed in the CMS tree.

    Models and plugins link to apphooked pages that staff may not have created
    yet; an empty link then hides the link instead of raising a 500.
    """
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""
