"""The Content-Security-Policy chosen per request (issue 12).

Visitors get the strict policy of `CONTENT_SECURITY_POLICY`: no inline
script or style, nothing from another site. django CMS's toolbar, its edit
and structure modes and the admin run inline scripts and styles, so the
admin's URLs and signed-in staff (who see the toolbar on every page) get
`CONTENT_SECURITY_POLICY_STAFF` instead. Anonymous pages are therefore never
weakened for the CMS's sake.
"""

import csp.middleware
from django.conf import settings
from django.urls import NoReverseMatch, reverse


def admin_prefix():
    """The admin's URL prefix (configurable), or None without an admin."""
    try:
        return reverse("admin:index")
    except NoReverseMatch:
        return None


def wants_staff_policy(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    prefix = admin_prefix()
    return bool(prefix) and request.path_info.startswith(prefix)


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware, with the staff policy where the CMS needs it."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and wants_staff_policy(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_STAFF
        return parts
