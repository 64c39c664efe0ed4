"""Reading a page's <head> and JSON-LD the way a crawler or a link preview does."""

import json
import re
from html import unescape
from urllib.parse import urlsplit


def head_of(html):
    return html.split("</head>")[0]


def meta(html, key):
    """The content of <meta property=key> or <meta name=key> in the head, or None."""
    found = re.findall(
        rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', head_of(html)
    )
    assert len(found) <= 1, f"{key} appears {len(found)} times"
    return unescape(found[0]) if found else None


def link_href(html, rel):
    found = re.findall(rf'<link rel="{rel}"[^>]* href="([^"]*)">', head_of(html))
    return [unescape(href) for href in found]


def json_ld_blocks(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def json_ld_of_type(html, schema_type):
    blocks = [block for block in json_ld_blocks(html) if block["@type"] == schema_type]
    assert len(blocks) == 1, f"{len(blocks)} blocs {schema_type}"
    return blocks[0]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
