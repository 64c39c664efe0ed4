"""The absolute addresses the e-mails carry, and the headers that let mail clients unsubscribe."""

from django.urls import reverse

from coop_site.seo import absolute_url

from .tokens import unsubscribe_token


def unsubscribe_url(subscriber, house=None):
    return absolute_url(
        None,
        reverse(
            "subscriptions:unsubscribe", kwargs={"token": unsubscribe_token(subscriber, house)}
        ),
    )


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: the mail client's own « Se désabonner », one click, no page."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
