"""bench/run: each page of the site against a minimal Django view, in the same run.

Starts gunicorn on 127.0.0.1 with production settings on the demo content
(database and cache from the environment: DATABASE_URL, REDIS_URL; else a
SQLite file and the file cache in a temporary folder), and the minimal project
of bench/ceiling with the same gunicorn settings. Each page is loaded with wrk
right after the ceiling, so that each ratio compares two runs made side by side.
Prints one table (Markdown). Not a test: the targets live in the README.

With --nginx, every page is asked of nginx running deploy/nginx.conf (its
micro-cache, in plain HTTP: bench/nginx.py) in front of the same gunicorn,
and the ceiling is a small static file served by that nginx.
"""

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON if VENV_PYTHON.exists() else sys.executable)
# What browsers send: pages are measured as visitors receive them, compressed.
BROWSER_ENCODINGS = "gzip, deflate, br"
CEILING_FILE = "plafond-bench.txt"  # written into STATIC_ROOT for --nginx


def site_env(workdir, args):
    env = dict(os.environ)
    env.pop("DJANGO_DEBUG", None)
    env.update(
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",  # loopback, plain HTTP
        DJANGO_LOG_LEVEL="ERROR",
        DJANGO_SERVE_MEDIA="1",  # no reverse proxy here: the images count in a first visit
        MEDIA_ROOT=env.get("MEDIA_ROOT") or str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        DJANGO_CACHE_DIR=str(workdir / "cache"),
        PYTHONPATH=str(ROOT),
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}")
    return env


def manage(env, *arguments, capture=False):
    command = [PYTHON, str(ROOT / "manage.py"), *arguments]
    if capture:
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env, args):
    print("Préparation : migrations, contenu de démonstration, fichiers statiques…", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    if args.scale > 1:
        manage(env, "shell", "-c", f"from bench.scale import main; main({args.scale})")
    manage(env, "collectstatic", "--noinput", "-v0")
    output = manage(env, "shell", "-c", "from bench.measure import main; main()", capture=True)
    line = next(line for line in output.splitlines() if line.startswith("BENCH-PAGES "))
    return json.loads(line.removeprefix("BENCH-PAGES "))


def start_gunicorn(env, app, port, workers):
    command = [
        PYTHON, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--worker-class", "sync", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn ne répond pas sur le port {port}")


def start_nginx(workdir, env, port, app_port):
    """nginx on deploy/nginx.conf, by this user, in plain HTTP on `port`."""
    from bench import nginx

    if not nginx.NGINX:
        raise SystemExit("nginx manque : sudo apt-get install nginx")
    folder = workdir / "nginx"
    folder.mkdir()
    static_root = Path(env["STATIC_ROOT"])
    (static_root / CEILING_FILE).write_text("ok")
    site = nginx.site_config(
        folder,
        http_port=port + 1,
        https_port=port,
        app_port=app_port,
        static_root=static_root,
        media_root=Path(env["MEDIA_ROOT"]),
        tls=False,
    )
    conf = nginx.write_config(folder, site, workers="auto", access_log=False)
    started = nginx.run(conf)
    if started.returncode != 0:
        raise SystemExit(f"nginx ne démarre pas : {started.stderr}")
    return lambda: nginx.run(conf, "-s", "stop")


def fetch(url):
    """(body as sent, its Content-Encoding) for a browser's request."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": BROWSER_ENCODINGS})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        encoding = response.headers.get("Content-Encoding", "")
    return body, encoding


def decoded(body, encoding):
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        return brotli.decompress(body)
    return body


def cache_status(url):
    """nginx's X-Cache-Status for a second request like wrk's."""
    for _ in range(2):
        request = urllib.request.Request(url, headers={"Accept-Encoding": BROWSER_ENCODINGS})
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            status = response.headers.get("X-Cache-Status") or "-"
    return status


class Assets(HTMLParser):
    """The same-origin stylesheets, scripts and images a first visit downloads."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "img" and attrs.get("src") and attrs.get("loading") != "lazy":
            self.urls.append(attrs["src"])


def first_visit_bytes(base, path):
    """Bytes transferred for the page and what it loads at once (as a browser asks them)."""
    body, encoding = fetch(base + path)
    total = len(body)
    body = decoded(body, encoding)
    if not path.startswith("/static/") and not path.endswith(".ics"):
        parser = Assets()
        parser.feed(body.decode("utf-8", "replace"))
        for url in dict.fromkeys(parser.urls):
            if url.startswith("/") and not url.startswith("//"):
                total += len(fetch(base + url)[0])
    return total


def wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency",
         "-H", f"Accept-Encoding: {BROWSER_ENCODINGS}", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip

    def number(pattern, default="0"):
        match = re.search(pattern, output)
        return match.group(1) if match else default

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": float(number(r"Requests/sec:\s+([\d.]+)")),
        "p50": number(r"\s50%\s+(\S+)", "?"),
        "p99": number(r"\s99%\s+(\S+)", "?"),
        "non2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")) + errors,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="multiplier of the demo data")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default="", help="pages whose name contains this text")
    parser.add_argument(
        "--nginx", action="store_true", help="through nginx (deploy/nginx.conf, micro-cache)"
    )
    parser.add_argument(
        "--ports", type=int, default=8401, help="first of the 4 ports used on 127.0.0.1"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk manque : sudo apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="coop-bench-"))
    env = site_env(workdir, args)
    pages = [page for page in prepare(env, args) if args.only in page["name"]]
    site_port, ceiling_port, nginx_port = args.ports, args.ports + 1, args.ports + 2
    servers = [start_gunicorn(env, "coop_site.wsgi", site_port, args.workers)]
    stop_nginx = None
    try:
        if args.nginx:
            stop_nginx = start_nginx(workdir, env, nginx_port, site_port)
            site_base = f"http://127.0.0.1:{nginx_port}"
            ceiling_url = f"{site_base}/static/{CEILING_FILE}"
        else:
            ceiling_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.ceiling.settings"}
            servers.append(
                start_gunicorn(ceiling_env, "bench.ceiling.wsgi", ceiling_port, args.workers)
            )
            site_base = f"http://127.0.0.1:{site_port}"
            ceiling_url = f"http://127.0.0.1:{ceiling_port}/"
        rows = []
        for page in pages:
            for _ in range(20):  # warm the caches and the workers
                fetch(site_base + page["path"])
            size = first_visit_bytes(site_base, page["path"])
            status = cache_status(site_base + page["path"]) if args.nginx else ""
            top = wrk(ceiling_url, args.duration, args.connections)
            measured = wrk(site_base + page["path"], args.duration, args.connections)
            rows.append((page, measured, top, size, status))
            print(f"  {page['name']} : {measured['rps']:.0f} req/s", flush=True)
    finally:
        if stop_nginx:
            stop_nginx()
        for server in servers:
            server.terminate()
            server.wait()
        shutil.rmtree(workdir, ignore_errors=True)

    database = env["DATABASE_URL"].split(":", 1)[0]
    cache = "Redis" if env.get("REDIS_URL") else "fichiers"
    front = (
        f"nginx devant (micro-cache, plafond : /static/{CEILING_FILE} servi par nginx)"
        if args.nginx
        else "plafond : la vue minimale de bench/ceiling"
    )
    print(
        f"\n{os.cpu_count()} cœurs, gunicorn {args.workers} workers sync, "
        f"wrk -t2 -c{args.connections} -d{args.duration}s, base {database}, cache {cache}, "
        f"données ×{args.scale}, {front}\n"
    )
    nginx_column = " cache nginx |" if args.nginx else ""
    print(
        "| page | req/s | p50 | p99 | non-2xx | plafond req/s | ratio | requêtes SQL froid / chaud "
        f"| octets 1re visite |{nginx_column}"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + " --- |" * args.nginx)
    for page, measured, top, size, status in rows:
        ratio = measured["rps"] / top["rps"] if top["rps"] else 0
        line = (
            f"| {page['name']} (`{page['path']}`) | {measured['rps']:.0f} | {measured['p50']} "
            f"| {measured['p99']} | {measured['non2xx']} | {top['rps']:.0f} | {ratio:.2f} "
            f"| {page['cold']} / {page['warm']} | {size:,} |".replace(",", " ")
        )
        print(line + (f" {status} |" if args.nginx else ""))
    failed = [page["name"] for page, measured, *_ in rows if measured["non2xx"]]
    if failed:
        raise SystemExit(f"Réponses en erreur : {', '.join(failed)}")


if __name__ == "__main__":
    main()
