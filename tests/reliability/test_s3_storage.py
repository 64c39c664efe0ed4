"""Uploaded files on S3-compatible object storage (COOP_S3_BUCKET), over HTTP.

The bucket is served by moto's standalone server, started by the test on a
loopback port: an emulator of Amazon S3 (the S3 HTTP API, ACLs, signatures),
not Amazon's service nor a real object store, but every request the site makes
goes over HTTP to it exactly as to a provider. The site is gunicorn with
production settings and the S3 variables in its environment, the demo content
restored and its files copied into the bucket as the README says to move a
site there; MEDIA_ROOT is an empty folder that must stay empty.

A staff member uploads a picture through filer's uploader and puts it on a
house page, and replaces a report's PDF through the evaluation screen; the
objects land in the bucket, the page's image addresses answer, and the
report's file is only readable through the site.

PostgreSQL only (like the other tests that start servers): one run at a time
uses these ports.
"""

import hashlib
import json
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import pytest

from tests.evaluation.factories import pdf_bytes
from tests.roles.html_forms import form_data

from .servers import (
    Browser,
    Gunicorn,
    ensure_admin,
    png,
    port_answers,
    postgresql_only,
    production_env,
    run_sql,
)
from .subprocess_site import manage

pytestmark = postgresql_only("Stockage S3")

S3_PORT, SITE_PORT = 8352, 8353
ENDPOINT = f"http://127.0.0.1:{S3_PORT}"
BUCKET = "coop-site-test"
KEYS = {"AWS_ACCESS_KEY_ID": "coop-test", "AWS_SECRET_ACCESS_KEY": secrets.token_hex(16)}
PASSWORD = secrets.token_urlsafe(18)


@pytest.fixture
def bucket(tmp_path):
    """moto's S3 emulator on a loopback port, with an empty bucket; a boto3 client."""
    if port_answers(S3_PORT):
        raise RuntimeError(f"le port {S3_PORT} est déjà pris")
    log = open(tmp_path / "moto.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(S3_PORT)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while not port_answers(S3_PORT):
            assert server.poll() is None and time.monotonic() < deadline, "moto ne démarre pas"
            time.sleep(0.2)
        client = boto3.client(
            "s3",
            endpoint_url=ENDPOINT,
            region_name="us-east-1",
            aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        )
        client.create_bucket(Bucket=BUCKET)
        yield client
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def copy_folder(client, folder, prefix, acl):
    """What `aws s3 sync FOLDER s3://BUCKET/PREFIX --acl ACL` does, for the demo's files."""
    for path in Path(folder).rglob("*"):
        if path.is_file():
            key = f"{prefix}/{path.relative_to(folder).as_posix()}"
            client.put_object(Bucket=BUCKET, Key=key, Body=path.read_bytes(), ACL=acl)


@pytest.fixture
def site(demo_archive, new_site, bucket, static_root, tmp_path):
    restored = new_site("coop_scale_s3")
    manage("restore", str(demo_archive), **restored)
    media = Path(restored["MEDIA_ROOT"])
    copy_folder(bucket, media, "media", "public-read")
    copy_folder(bucket, media.parent / "private", "private", "private")
    empty = tmp_path / "local" / "media"
    empty.mkdir(parents=True)
    env = production_env(
        {
            **restored,
            "MEDIA_ROOT": str(empty),  # nothing may be written there any more
            "COOP_S3_BUCKET": BUCKET,
            "COOP_S3_ENDPOINT_URL": ENDPOINT,
            "COOP_S3_REGION": "us-east-1",
            **KEYS,
        },
        static_root,
    )
    ensure_admin(env, PASSWORD)
    with Gunicorn(env, SITE_PORT, workers=1, log=tmp_path / "gunicorn.log"):
        yield env
    written = [path for path in empty.parent.rglob("*") if path.is_file()]
    assert not written, "files were written beside the bucket"


def anonymous_get(url):
    """(status, headers, body) of a GET by anyone, without a signature."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def is_readable_by_anyone(client, key):
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI", "").endswith("/AllUsers") for grant in grants)


def test_uploads_go_to_the_bucket_public_ones_answer_and_private_ones_stay_private(site, bucket):
    staff = Browser()
    staff.log_in(SITE_PORT, "admin", PASSWORD)

    # A picture through filer's uploader: stored in the bucket, readable by all.
    picture = png((1200, 800))
    uploaded = staff.upload_to_media_library(SITE_PORT, "fete-des-ors.png", "image/png", picture)
    url = uploaded["original_image"]
    assert url.startswith(f"{ENDPOINT}/{BUCKET}/media/filer_public/"), url
    key = url.removeprefix(f"{ENDPOINT}/{BUCKET}/")
    assert bucket.get_object(Bucket=BUCKET, Key=key)["Body"].read() == picture
    assert is_readable_by_anyone(bucket, key)
    assert anonymous_get(url)[::2] == (200, picture)

    # It becomes the photo of a house, through the house's admin form.
    house_id = run_sql(site, "SELECT id FROM houses_house WHERE slug = 'les-ors'")[0]
    change = f"/admin/houses/house/{house_id}/change/"
    fields = form_data(staff.get(SITE_PORT, change)[2].decode(), "house_form")
    fields["photo"] = [str(uploaded["file_id"])]
    status, _, body = staff.post(SITE_PORT, change, fields)
    assert status == 302, body.decode()[-3000:]

    # The public page shows it in sizes made for it, from the bucket, and its
    # policy lets a browser load them.
    status, page_headers, html = Browser().get(SITE_PORT, "/maisons/les-ors/")
    assert status == 200
    sources = set(re.findall(rf'{re.escape(ENDPOINT)}/{BUCKET}/media/[^"\s,]+', html.decode()))
    made_for_it = {
        source
        for source in sources
        if "filer_public_thumbnails" in source and "fete-des-ors" in source
    }
    assert made_for_it, sorted(sources)
    for source in made_for_it:
        status, headers, _ = anonymous_get(source)
        assert (status, headers["Content-Type"]) == (200, "image/png"), source
        assert headers["Cache-Control"] == "public, max-age=2592000"
    policy = page_headers["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert ENDPOINT in img_src.split()

    # A report's PDF, replaced through the evaluation screen: private in the
    # bucket, given to visitors by the site once the report is published.
    report_id = run_sql(site, "SELECT id FROM evaluation_report WHERE year = 2019")[0]
    change = f"/admin/evaluation/report/{report_id}/change/"
    fields = form_data(staff.get(SITE_PORT, change)[2].decode(), "report_form")
    report_pdf = pdf_bytes(pages=2, text="rapport rangé dans le seau")
    status, _, body = staff.post(
        SITE_PORT,
        change,
        fields,
        files={"pdf_upload": ("rapport-2019.pdf", "application/pdf", report_pdf)},
    )
    assert status == 302, body.decode()[-3000:]
    status, headers, served = Browser().get(
        SITE_PORT, "/evaluation/2019/rapport-annuel/telecharger/"
    )
    assert status == 200 and served == report_pdf
    digest = hashlib.sha256(report_pdf).hexdigest()
    private = [
        item["Key"]
        for item in bucket.list_objects_v2(Bucket=BUCKET, Prefix="private/")["Contents"]
        if hashlib.sha256(
            bucket.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read()
        ).hexdigest()
        == digest
    ]
    assert len(private) == 1, private
    assert not is_readable_by_anyone(bucket, private[0])
    assert anonymous_get(f"{ENDPOINT}/{BUCKET}/{private[0]}")[0] == 403

    # A file of the media library made private by its owner: it moves to the
    # bucket's private side and nobody reads it there without a signature.
    status, _, body = staff.post(
        SITE_PORT,
        "/admin/filer/clipboard/operations/upload/no_folder/",
        {},
        files={"file": ("compte-rendu.pdf", "application/pdf", pdf_bytes(text="interne"))},
        headers={"X-CSRFToken": staff.cookies["csrftoken"]},
    )
    assert status == 200, body
    change = json.loads(body)["change_url"]
    fields = form_data(staff.get(SITE_PORT, change)[2].decode(), "file_form")
    assert fields.pop("is_public") == ["on"]
    status, _, body = staff.post(SITE_PORT, change, fields)
    assert status == 302, body.decode()[-3000:]
    listed = bucket.list_objects_v2(Bucket=BUCKET, Prefix="smedia/filer_private/")["Contents"]
    moved = [item["Key"] for item in listed if item["Key"].endswith("compte-rendu.pdf")]
    assert len(moved) == 1, listed
    assert not is_readable_by_anyone(bucket, moved[0])
    assert anonymous_get(f"{ENDPOINT}/{BUCKET}/{moved[0]}")[0] == 403
    public = bucket.list_objects_v2(Bucket=BUCKET, Prefix="media/filer_public/")["Contents"]
    assert not [item for item in public if item["Key"].endswith("compte-rendu.pdf")]
