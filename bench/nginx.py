"""deploy/nginx.conf run by an ordinary user in a temporary folder.

Shared by `bench/run --nginx` and tests/security/test_nginx.py: the example
with its placeholders filled (ports, STATIC_ROOT, MEDIA_ROOT, the micro-cache's
folder, a self-signed certificate), inside a complete nginx.conf whose pid,
logs and temporary files all live in that folder.
"""

import getpass
import grp
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
OPENSSL = shutil.which("openssl")
CACHE_PATH = "/var/cache/nginx/coop_site"


def self_signed_certificate(folder):
    cert, key = folder / "cert.pem", folder / "key.pem"
    if not cert.exists():
        subprocess.run(
            [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
            + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
    return cert, key


def site_config(folder, *, http_port, https_port, app_port, static_root, media_root, tls=True):
    """The example's text, filled. Without TLS (the benchmark: it measures the
    cache, not the encryption) the https server listens in plain HTTP."""
    site = CONF.read_text()
    site = site.replace("listen [::]:80;\n", "").replace("listen [::]:443 ssl http2;\n", "")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    if tls:
        cert, key = self_signed_certificate(folder)
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        site = site.replace("/etc/letsencrypt/live/www.exemple.fr/fullchain.pem", str(cert))
        site = site.replace("/etc/letsencrypt/live/www.exemple.fr/privkey.pem", str(key))
    else:
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port};")
        site = re.sub(r"\n\s*ssl_certificate(_key)? [^\n]*", "", site)
    site = site.replace("https://$host$request_uri", f"https://$host:{https_port}$request_uri")
    site = site.replace("server_name www.exemple.fr;", "server_name 127.0.0.1 localhost;")
    site = site.replace("/srv/coop_site/static/", f"{static_root}/")
    site = site.replace("/srv/coop_site/media/", f"{media_root}/")
    site = site.replace(CACHE_PATH, str(folder / "nginx-cache"))
    site = site.replace("server 127.0.0.1:8001;", f"server 127.0.0.1:{app_port};")
    return site


def write_config(folder, site, *, workers=1, access_log=True):
    """A complete nginx.conf around `site`, everything nginx writes inside `folder`."""
    (folder / "site.conf").write_text(site)
    user = ""
    if os.geteuid() == 0:  # workers would otherwise switch to `nobody`
        user = f"user {getpass.getuser()} {grp.getgrgid(os.getegid()).gr_name};"
    log = f"{folder}/access.log" if access_log else "off"
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""{user}
worker_processes {workers};
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {log};
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""
    )
    return conf


def run(conf, *args):
    """`nginx` on this configuration: no argument starts it, `-t` checks, `-s stop` stops."""
    return subprocess.run(
        [NGINX, "-p", str(conf.parent), "-e", str(conf.parent / "error.log"), "-c", str(conf)]
        + list(args),
        capture_output=True,
        text=True,
        timeout=30,
    )
