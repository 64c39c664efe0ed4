"""Refuses, before anything reads the database, a request whose address cannot be stored.

A NUL byte in the path or the query string reaches a database query on some
view (a CMS page's slug, an event's slug, a search): PostgreSQL refuses it
("A string literal cannot contain NUL") and the visitor got a 500. Bytes that
are not UTF-8 are mangled by Django into replacement characters. Both are
answered here, in one place, with the site's French 400 page (handler400).

An address with more than MAX_QUERY_PARAMETERS parameters is refused too: no
page of the site takes that many (a form's body may hold more, up to
DATA_UPLOAD_MAX_NUMBER_FIELDS, for the admin's large forms).
"""

from urllib.parse import unquote_to_bytes

from django.core.exceptions import BadRequest


def is_storable(raw):
    """Is this WSGI string (bytes decoded as latin-1) valid UTF-8 without NUL?"""
    data = raw.encode("latin-1", errors="replace")
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


MAX_QUERY_PARAMETERS = 1000  # Django's own default for every request


class RejectBadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A WSGI server gives the path already decoded; Django's test client (and a
        # proxy that re-encodes) leave `%FF` escapes in it: both are checked.
        path = request.META.get("PATH_INFO", "")
        decoded_path = unquote_to_bytes(path).decode("latin-1")
        query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
        if not all(map(is_storable, (path, decoded_path, query.decode("latin-1")))):
            raise BadRequest("NUL byte or invalid UTF-8 in the request's address")
        if request.META.get("QUERY_STRING", "").count("&") >= MAX_QUERY_PARAMETERS:
            raise BadRequest("too many parameters in the request's address")
        return self.get_response(request)
