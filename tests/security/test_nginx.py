"""deploy/nginx.conf, the reverse-proxy example (issue 12), read and run.

1. Its text holds what the README promises: TLS, the 301 to https, HSTS, the
   proxy to gunicorn with X-Forwarded-Proto, long caching of static files and
   media, and the media headers (nosniff, a sandbox CSP, attachment for what
   is neither a PDF nor an image).
2. `nginx -t` accepts a copy with the placeholders filled (a self-signed
   certificate, paths and ports in a temporary folder).
3. The Mozilla Observatory score, computed with its published rules from the
   real headers: gunicorn with production settings on a SQLite demo site,
   behind nginx running that copy, asked over https:// (and http:// for the
   redirection). At least 100 (A+) for the home page and a report page.
4. The micro-cache (issue 13), on the same site: an anonymous page is
   computed once then served by nginx, a cookie or a POST always reaches the
   application, what it marks private or no-store is never stored, each
   encoding has its own copy; media and static files are kept long by browsers.

The filled copy is made by bench/nginx.py, which bench/run --nginx uses too.
Skipped, with the reason, where nginx or openssl is missing; CI installs
nginx (.ci/run).
"""

import gzip
import os
import re
import secrets
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from bench.nginx import CONF, NGINX, OPENSSL, run, site_config, write_config

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db  # the suite's cache fixture reaches the menus


def needs_nginx():
    if not NGINX or not OPENSSL:
        pytest.skip(
            "nginx ou openssl absent : installez-les (`apt-get install nginx openssl`) pour "
            "vérifier deploy/nginx.conf ; la CI les installe (.ci/run)."
        )


def ports():
    """Three ports of this suite's range: the SQLite and PostgreSQL suites run side by side."""
    base = int(os.environ.get("COOP_SECURITY_PORT_BASE", "8300"))
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        base += 5
    return base, base + 1, base + 2


# --- 1. The text -----------------------------------------------------------------


def test_the_example_holds_tls_redirect_hsts_and_the_proxy():
    text = CONF.read_text()
    assert re.search(r"listen 443 ssl", text)
    assert "ssl_certificate " in text and "ssl_certificate_key " in text
    assert "ssl_protocols TLSv1.2 TLSv1.3;" in text
    assert re.search(r"listen 80;.*?return 301 https://\$host\$request_uri;", text, re.S)
    assert 'Strict-Transport-Security "max-age=31536000; includeSubDomains; preload"' in text
    assert "server 127.0.0.1:8001;" in text
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "proxy_set_header Host $host;" in text


def test_the_example_serves_static_and_media_with_long_caching_and_safe_headers():
    text = CONF.read_text()
    static = re.search(r"location /static/ \{(.*?)\n    \}", text, re.S).group(1)
    media = re.search(r"location /media/ \{(.*?)\n    \}", text, re.S).group(1)
    assert "alias /srv/coop_site/static/;" in static
    assert "max-age=31536000, immutable" in static
    assert "alias /srv/coop_site/media/;" in media
    assert 'add_header Cache-Control "public, max-age=2592000" always;' in media
    assert 'X-Content-Type-Options "nosniff" always' in media
    assert "Content-Security-Policy $coop_media_csp always" in media
    assert "Content-Disposition $coop_media_disposition always" in media
    disposition = re.search(r"map \$uri \$coop_media_disposition \{(.*?)\}", text, re.S).group(1)
    assert re.search(r'default\s+"attachment";', disposition)
    assert r"\.(pdf|jpe?g|png|webp|gif|avif)$" in disposition
    csp = re.search(r"map \$uri \$coop_media_csp \{(.*?)\}", text, re.S).group(1)
    assert re.search(r"default\s+\"default-src 'none'; sandbox\";", csp)


# --- 2. nginx -t on a filled copy -------------------------------------------------


def fill(folder, http_port, https_port, app_port, static_root, media_root):
    """The example with its placeholders replaced, inside a complete nginx.conf."""
    site = site_config(
        folder,
        http_port=http_port,
        https_port=https_port,
        app_port=app_port,
        static_root=static_root,
        media_root=media_root,
    )
    return write_config(folder, site)


nginx = run


def test_nginx_accepts_the_filled_example(tmp_path):
    needs_nginx()
    http_port, https_port, app_port = ports()
    conf = fill(tmp_path, http_port, https_port, app_port, tmp_path / "static", tmp_path / "media")
    result = nginx(conf, "-t")
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


# --- 3. The Observatory score behind the example ------------------------------------
#
# Mozilla's HTTP Observatory, as published by MDN: base 100, the penalties
# first, then the bonuses if the score is still at least 90; 100+ is A+.
# Modifiers from mdn/mdn-http-observatory, src/grader/charts.js (SCORE_TABLE),
# the rules from src/analyzer/tests/*.js; the same table is on
# https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring
MODIFIERS = {
    # content-security-policy
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    # cookies
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    # cross-origin-resource-sharing
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    # redirection
    "redirection-to-https": 0,
    "redirection-not-needed-no-http": 0,
    "redirection-off-host-from-http": -5,
    "redirection-not-to-https-on-initial-redirection": -10,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    # referrer-policy
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    # strict-transport-security
    "hsts-preloaded": 5,  # only for domains on the browsers' preload list
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    # subresource-integrity
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    # x-content-type-options
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    # x-frame-options
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    # cross-origin-resource-policy
    "corp-implemented-with-same-origin": 10,
    "corp-implemented-with-same-site": 10,
    "corp-implemented-with-cross-origin": 0,
    "corp-not-implemented": 0,
    "corp-header-invalid": -5,
}
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}


def parse_csp(value):
    policy = {}
    for directive in value.split(";"):
        parts = directive.split()
        if parts:
            policy.setdefault(parts[0].lower(), set(parts[1:]))
    return policy


def csp_result(headers):
    value = headers.get("content-security-policy")
    if not value:
        return "csp-not-implemented"
    csp = parse_csp(value)
    default = csp.get("default-src")
    script = csp.get("script-src", default) or {"*"}
    objects = csp.get("object-src", default) or {"*"}
    style = csp.get("style-src", default) or {"*"}
    if script & (BROAD | {"'unsafe-inline'", "data:"}) or objects & BROAD:
        return "csp-implemented-with-unsafe-inline"
    active = [s for d, sources in csp.items() if d not in {"img-src", "media-src"} for s in sources]
    if any(s.startswith(("http:", "ftp:")) for s in active):
        return "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script | style:
        return "csp-implemented-with-unsafe-eval"
    passive = [s for d in ("img-src", "media-src") for s in csp.get(d, default or set())]
    if any(s.startswith(("http:", "ftp:")) for s in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if style & (BROAD | {"'unsafe-inline'", "data:"}):
        return "csp-implemented-with-unsafe-inline-in-style-src-only"
    if default == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none"
    return "csp-implemented-with-no-unsafe"


def hsts_result(headers):
    value = headers.get("strict-transport-security")
    if not value:
        return "hsts-not-implemented"
    match = re.search(r"max-age\s*=\s*\"?(\d+)", value, re.I)
    if not match:
        return "hsts-header-invalid"
    if int(match.group(1)) < 15768000:
        return "hsts-implemented-max-age-less-than-six-months"
    return "hsts-implemented-max-age-at-least-six-months"  # not preloaded: a test host


def cookies_result(set_cookies, hsts_ok):
    if not set_cookies:
        return "cookies-not-found"
    order = [
        "cookies-without-secure-flag-but-protected-by-hsts",
        "cookies-without-secure-flag",
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        "cookies-samesite-flag-invalid",
        "cookies-anticsrf-without-samesite-flag",
        "cookies-session-without-httponly-flag",
        "cookies-session-without-secure-flag",
    ]
    worst, missing_samesite = None, False
    for raw in set_cookies:
        name, _, attributes = raw.partition(";")
        name = name.split("=", 1)[0].strip().lower()
        attrs = {}
        for attribute in attributes.split(";"):
            key, _, value = attribute.strip().partition("=")
            attrs[key.lower()] = value.strip().lower()
        secure, httponly, samesite = "secure" in attrs, "httponly" in attrs, attrs.get("samesite")
        session, anticsrf = any(k in name for k in ("login", "sess")), "csrf" in name
        found = []
        if samesite is not None and samesite not in {"lax", "strict", "none"}:
            found.append("cookies-samesite-flag-invalid")
        if not secure:
            found.append(
                "cookies-without-secure-flag-but-protected-by-hsts"
                if hsts_ok
                else "cookies-without-secure-flag"
            )
        if anticsrf and not samesite:
            found.append("cookies-anticsrf-without-samesite-flag")
        if session and not secure:
            found.append(
                "cookies-session-without-secure-flag-but-protected-by-hsts"
                if hsts_ok
                else "cookies-session-without-secure-flag"
            )
        if session and not httponly:
            found.append("cookies-session-without-httponly-flag")
        for result in found:
            if worst is None or order.index(result) > order.index(worst):
                worst = result
        missing_samesite |= not samesite
    if worst:
        return worst
    if missing_samesite:
        return "cookies-secure-with-httponly-sessions"
    return "cookies-secure-with-httponly-sessions-and-samesite"


def cors_result(headers):
    origin = headers.get("access-control-allow-origin")
    if not origin:
        return "cross-origin-resource-sharing-not-implemented"
    if origin.strip() == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access"
    return "cross-origin-resource-sharing-implemented-with-restricted-access"


def referrer_result(headers):
    value = headers.get("referrer-policy")
    if not value:
        return "referrer-policy-not-implemented"
    last = [v.strip().lower() for v in value.split(",") if v.strip()][-1]
    if last in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        return "referrer-policy-private"
    if last in {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}:
        return "referrer-policy-unsafe"
    return "referrer-policy-header-invalid"


class Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def sri_result(html, host):
    parser = Scripts()
    parser.feed(html)
    sources = [s.get("src") for s in parser.scripts if s.get("src")]
    if not sources:
        return "sri-not-implemented-but-no-scripts-loaded"
    external = [(src, s) for s in parser.scripts if (src := s.get("src")) and urlsplit(src).netloc]
    external = [(src, s) for src, s in external if urlsplit(src).hostname != host]
    if not external:
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
    if all(src.startswith("https://") for src, _ in external):
        if all(s.get("integrity") for _, s in external):
            return "sri-implemented-and-all-scripts-loaded-securely"
        return "sri-not-implemented-but-external-scripts-loaded-securely"
    return "sri-not-implemented-and-external-scripts-not-loaded-securely"


def xcto_result(headers):
    value = headers.get("x-content-type-options")
    if not value:
        return "x-content-type-options-not-implemented"
    return (
        "x-content-type-options-nosniff"
        if value.strip().lower() == "nosniff"
        else "x-content-type-options-header-invalid"
    )


def xfo_result(headers):
    csp = parse_csp(headers.get("content-security-policy", ""))
    ancestors = csp.get("frame-ancestors")
    if ancestors and not ancestors & BROAD:
        return "x-frame-options-implemented-via-csp"
    value = headers.get("x-frame-options", "").strip().lower()
    if not value:
        return "x-frame-options-not-implemented"
    if value in {"deny", "sameorigin"}:
        return "x-frame-options-sameorigin-or-deny"
    return "x-frame-options-header-invalid"


def corp_result(headers):
    value = headers.get("cross-origin-resource-policy")
    if not value:
        return "corp-not-implemented"
    return {
        "same-origin": "corp-implemented-with-same-origin",
        "same-site": "corp-implemented-with-same-site",
        "cross-origin": "corp-implemented-with-cross-origin",
    }.get(value.strip().lower(), "corp-header-invalid")


def score(results):
    modifiers = [MODIFIERS[result] for result in results.values()]
    total = 100 + sum(m for m in modifiers if m < 0)
    if total >= 90:
        total += sum(m for m in modifiers if m > 0)
    return max(total, 0)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url):
    """(status, headers as {lower name: value}, Set-Cookie list, body) without following."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    try:
        response = opener.open(url, timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    headers = {name.lower(): value for name, value in response.headers.items()}
    return (
        response.status,
        headers,
        response.headers.get_all("Set-Cookie") or [],
        response.read().decode(errors="replace"),
    )


def redirection_result(http_url, https_port):
    status, headers, _, _ = fetch(http_url)
    if status not in (301, 302, 307, 308):
        return "redirection-missing"
    target = urlsplit(headers["location"])
    if target.scheme != "https":
        return "redirection-not-to-https-on-initial-redirection"
    if target.hostname != urlsplit(http_url).hostname or target.port != https_port:
        return "redirection-off-host-from-http"
    return "redirection-to-https"


def observatory(path, http_port, https_port):
    status, headers, set_cookies, body = fetch(f"https://127.0.0.1:{https_port}{path}")
    assert status == 200, (path, status, body[:500])
    results = {
        "content-security-policy": csp_result(headers),
        "strict-transport-security": hsts_result(headers),
        "cross-origin-resource-sharing": cors_result(headers),
        "redirection": redirection_result(f"http://127.0.0.1:{http_port}{path}", https_port),
        "referrer-policy": referrer_result(headers),
        "subresource-integrity": sri_result(body, "127.0.0.1"),
        "x-content-type-options": xcto_result(headers),
        "x-frame-options": xfo_result(headers),
        "cross-origin-resource-policy": corp_result(headers),
    }
    results["cookies"] = cookies_result(
        set_cookies, results["strict-transport-security"].startswith("hsts-implemented-max-age-at")
    )
    return score(results), results, headers


def wait_for_port(port, process, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"process ended ({process.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


@dataclass
class Answer:
    status: int
    headers: dict  # lower-case name: every value
    body: bytes

    def header(self, name):
        return ", ".join(self.headers.get(name, []))

    @property
    def cache(self):
        """nginx's X-Cache-Status: MISS, HIT, BYPASS… ("" when the cache was not consulted)."""
        return self.header("x-cache-status")

    @property
    def html(self):
        return self.body.decode("utf-8", "replace")


@dataclass
class Site:
    http_port: int
    https_port: int
    folder: Path
    env: dict

    def manage(self, *command, timeout=180):
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    def get(self, path, method="GET", data=None, **headers):
        """One request over https, as sent (no decompression), `accept_encoding="br"`…"""
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPSHandler(context=context)
        )
        request = urllib.request.Request(
            f"https://127.0.0.1:{self.https_port}{path}",
            data=data,
            method=method,
            headers={name.replace("_", "-"): value for name, value in headers.items()},
        )
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            found = {}
            for name, value in response.headers.items():
                found.setdefault(name.lower(), []).append(value)
            return Answer(response.status, found, response.read())


@pytest.fixture(scope="module")
def site_behind_nginx(tmp_path_factory):
    """gunicorn (production settings, SQLite demo) behind nginx running the example."""
    needs_nginx()
    tmp_path = tmp_path_factory.mktemp("nginx")
    http_port, https_port, app_port = ports()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "coop_site.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{https_port}",
        "DJANGO_BEHIND_HTTPS_PROXY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "EVALUATION_PRIVATE_ROOT": str(tmp_path / "private"),
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
    }

    def manage(*command):
        return subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    static = manage("collectstatic", "--noinput", "-v0")  # meanwhile, the database
    for command in (["migrate", "-v0"], ["load_demo"]):
        done = manage(*command)
        assert done.wait(timeout=180) == 0, done.stderr.read()[-2000:]
    assert static.wait(timeout=180) == 0, static.stderr.read()[-2000:]
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "coop_site.wsgi", "--bind", f"127.0.0.1:{app_port}"]
        + ["--workers", "1", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
    )
    conf = fill(tmp_path, http_port, https_port, app_port, tmp_path / "static", tmp_path / "media")
    server = None
    try:
        wait_for_port(app_port, gunicorn)
        started = nginx(conf)
        assert started.returncode == 0, started.stderr
        server = True
        wait_for_port(https_port, gunicorn)
        yield Site(http_port, https_port, tmp_path, env)
    finally:
        if server:
            nginx(conf, "-s", "stop")
        gunicorn.terminate()
        gunicorn.wait(timeout=10)


def test_the_scorer_gives_the_issue_s_headers_a_failing_grade():
    """Before issue 12: no CSP, no HSTS, no redirect, a language cookie without Secure."""
    headers = {"x-frame-options": "SAMEORIGIN", "x-content-type-options": "nosniff"}
    results = {
        "content-security-policy": csp_result(headers),
        "strict-transport-security": hsts_result(headers),
        "redirection": "redirection-missing",
        "referrer-policy": referrer_result({"referrer-policy": "same-origin"}),
        "x-frame-options": xfo_result(headers),
        "cookies": cookies_result(
            ["django_language=fr; Max-Age=31536000; Path=/; SameSite=Lax"], False
        ),
    }
    assert results["cookies"] == "cookies-without-secure-flag"
    assert score(results) == 100 - 25 - 20 - 20 - 20  # the bonus of the referrer is lost
    unsafe = {"content-security-policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"}
    assert csp_result(unsafe) == "csp-implemented-with-unsafe-inline"
    assert csp_result({"content-security-policy": "default-src 'none'"}) == (
        "csp-implemented-with-no-unsafe-default-src-none"
    )


def test_observatory_scores_a_plus_behind_the_example(site_behind_nginx):
    http_port, https_port = site_behind_nginx.http_port, site_behind_nginx.https_port
    tmp_path = site_behind_nginx.folder
    for path in ("/", "/evaluation/2019/"):
        total, results, headers = observatory(path, http_port, https_port)
        assert total >= 100, (path, total, results)
        assert results["content-security-policy"] == "csp-implemented-with-no-unsafe", path
        assert results["redirection"] == "redirection-to-https", path
        assert headers["strict-transport-security"].startswith("max-age=31536000"), path

    # What nginx serves itself: a static file, an image, and a file that must download.
    _, static_headers, _, _ = fetch(f"https://127.0.0.1:{https_port}/static/css/site.css")
    assert "immutable" in static_headers["cache-control"]
    media = tmp_path / "media"
    (media / "essai").mkdir(parents=True, exist_ok=True)
    (media / "essai" / "page.html").write_text("<script>alert(1)</script>")
    (media / "essai" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    status, html_headers, _, _ = fetch(f"https://127.0.0.1:{https_port}/media/essai/page.html")
    assert status == 200
    assert html_headers["content-disposition"] == "attachment"
    assert html_headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert html_headers["x-content-type-options"] == "nosniff"
    _, png_headers, _, _ = fetch(f"https://127.0.0.1:{https_port}/media/essai/photo.png")
    assert "content-disposition" not in png_headers
    assert png_headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert "max-age=2592000" in png_headers["cache-control"]


# --- 4. The micro-cache ---------------------------------------------------------
# Each test asks for pages no other test asks for: nginx keeps what it stored
# for the whole module (5 seconds fresh, then as a stale copy).
BROWSER_ENCODINGS = "gzip, deflate, br, zstd"  # what Chromium and Firefox send
MICRO_CACHE_SECONDS = 5  # proxy_cache_valid in deploy/nginx.conf


def test_an_anonymous_page_is_computed_once_then_served_by_nginx(site_behind_nginx):
    first = site_behind_nginx.get("/actualites/", accept_encoding=BROWSER_ENCODINGS)
    second = site_behind_nginx.get("/actualites/", accept_encoding=BROWSER_ENCODINGS)
    assert (first.status, second.status) == (200, 200)
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert second.body == first.body
    # The application's headers are kept for the browsers (the ETag makes revisits 304).
    assert second.header("cache-control") == first.header("cache-control")
    assert "Accept-Encoding" in second.header("vary")
    etag = second.header("etag")
    revisit = site_behind_nginx.get(
        "/actualites/", accept_encoding=BROWSER_ENCODINGS, if_none_match=etag
    )
    assert (revisit.status, revisit.cache, revisit.body) == (304, "HIT", b"")


def test_with_a_session_cookie_staff_bypass_the_cache_and_see_their_change_at_once(
    site_behind_nginx,
):
    site = site_behind_nginx
    path = "/maisons/les-ors/"
    assert site.get(path).cache == "MISS"
    assert site.get(path).cache == "HIT"
    session = site.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "from houses.models import House\n"
        "house = House.objects.get(slug='les-ors')\n"
        "house.name = 'Maison des Ors rénovée'\n"
        "house.save()\n"
        "user = get_user_model().objects.create_superuser('equipe-ors', 'equipe@exemple.fr')\n"
        "client = Client()\n"
        "client.force_login(user, backend='django.contrib.auth.backends.ModelBackend')\n"
        "print(client.cookies['sessionid'].value)\n",
    ).split()[-1]
    staff = site.get(path, cookie=f"sessionid={session}")
    assert staff.cache == "BYPASS"
    assert "Maison des Ors rénovée" in staff.html
    assert "cms-toolbar" in staff.html
    assert "private" in staff.header("cache-control")
    # Any cookie: the application renders the page for whoever carries one.
    assert site.get(path, cookie="sessionid=inconnue").cache == "BYPASS"
    # Visitors see it a few seconds later: the micro-cache's 5 s, then one
    # answer from the previous copy while nginx fetches the new one.
    deadline = time.monotonic() + 3 * MICRO_CACHE_SECONDS
    while "Maison des Ors rénovée" not in (visitor := site.get(path)).html:
        assert time.monotonic() < deadline, visitor.cache
        time.sleep(0.5)
    assert "cms-toolbar" not in visitor.html


def test_a_page_made_for_staff_is_never_stored_for_visitors(site_behind_nginx):
    site = site_behind_nginx
    session = site.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "user = get_user_model().objects.create_superuser('equipe-agenda', 'agenda@exemple.fr')\n"
        "client = Client()\n"
        "client.force_login(user, backend='django.contrib.auth.backends.ModelBackend')\n"
        "print(client.cookies['sessionid'].value)\n",
    ).split()[-1]
    staff = site.get("/agenda/", cookie=f"sessionid={session}")
    assert (staff.status, staff.cache) == (200, "BYPASS")
    assert "cms-toolbar" in staff.html
    visitor = site.get("/agenda/")
    assert visitor.cache == "MISS"
    assert "cms-toolbar" not in visitor.html and "equipe-agenda" not in visitor.html


def test_a_post_always_reaches_the_application(site_behind_nginx):
    site = site_behind_nginx
    site.get("/charte-ecostructure/")
    assert site.get("/charte-ecostructure/").cache == "HIT"
    posted = site.get("/charte-ecostructure/", method="POST", data=b"message=bonjour")
    # The application's answer (no CSRF token: its French 403), not the stored page.
    assert posted.status == 403
    assert "Formulaire expiré" in posted.html
    assert posted.cache == ""
    after = site.get("/charte-ecostructure/")
    assert (after.status, after.cache) == (200, "HIT")
    assert "Formulaire expiré" not in after.html


def test_what_the_application_marks_no_store_is_never_stored(site_behind_nginx):
    """/healthz says `no-store` and sets no cookie: only its Cache-Control keeps it out."""
    answers = [site_behind_nginx.get("/healthz") for _ in range(3)]
    assert [a.status for a in answers] == [200, 200, 200]
    assert {a.header("cache-control") for a in answers} == {"no-store"}
    assert [a.cache for a in answers] == ["MISS", "MISS", "MISS"]


def test_each_encoding_gets_its_own_copy_and_no_client_gets_bytes_it_did_not_ask_for(
    site_behind_nginx,
):
    site = site_behind_nginx
    path = "/activites/"
    for encoding, decode in (
        (BROWSER_ENCODINGS, brotli.decompress),
        ("identity", lambda body: body),
        ("gzip", gzip.decompress),
    ):
        first, second = (site.get(path, accept_encoding=encoding) for _ in range(2))
        assert (first.cache, second.cache) == ("MISS", "HIT"), encoding
        expected = {BROWSER_ENCODINGS: "br", "gzip": "gzip"}.get(encoding, "")
        assert second.header("content-encoding") == expected, encoding
        assert decode(second.body).startswith(b"<!DOCTYPE html>"), encoding
    # Weights are left to the application: gzip refused means no gzip.
    refused = site.get(path, accept_encoding="gzip;q=0")
    assert refused.cache == "BYPASS"
    assert refused.header("content-encoding") == ""
    assert refused.body.startswith(b"<!DOCTYPE html>")
    # A header the application reads as brotli but nginx does not: brotli for
    # that client, and not stored under the plain copy's key.
    odd = site.get("/agenda/semaine/", accept_encoding="brotli")
    assert odd.header("content-encoding") == "br"
    plain = site.get("/agenda/semaine/", accept_encoding="identity")
    assert plain.header("content-encoding") == ""
    assert plain.body.startswith(b"<!DOCTYPE html>")


def test_media_and_static_files_are_kept_long_by_browsers(site_behind_nginx):
    site = site_behind_nginx
    picture = site.folder / "media" / "filer_public" / "ab" / "cd" / "abcd1234" / "affiche.jpg"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    media = site.get("/media/filer_public/ab/cd/abcd1234/affiche.jpg")
    assert media.status == 200
    assert media.headers["cache-control"] == ["public, max-age=2592000"]  # 30 days, one header
    assert media.cache == ""  # straight from the disk, never the micro-cache
    static = site.get("/static/css/site.css", accept_encoding="gzip")
    assert static.status == 200
    assert static.headers["cache-control"] == ["public, max-age=31536000, immutable"]
    assert static.header("content-encoding") == "gzip"  # collectstatic's .gz
    assert gzip.decompress(static.body)
