"""The S3 settings (COOP_S3_*): a public image's address is one the pages' policy lets load.

Each case starts a Django process with the variables, as a server reads them;
no request reaches any service (an unsigned address is computed locally).
The bucket itself is tested over HTTP in tests/reliability/test_s3_storage.py.
"""

import json
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from tests.reliability.subprocess_site import ROOT

# No database is read; the suite's autouse fixtures clear the CMS menu cache at teardown.
pytestmark = pytest.mark.django_db

PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage
from evaluation.storage import private_storage
from filer import settings as filer_settings
try:
    private_storage.url("rapport.pdf")
    report_url = "une adresse"
except ValueError:
    report_url = None
print(json.dumps({
    "image": default_storage.url("filer_public/ab/photo.png"),
    "policy": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "report_url": report_url,
    "report_acl": private_storage.default_acl,
    "filer_private_acl": filer_settings.FILER_PRIVATEMEDIA_STORAGE.default_acl,
}))
"""

CASES = {
    "service compatible": {"COOP_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud"},
    "nom du seau dans l'hôte": {
        "COOP_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
        "COOP_S3_ADDRESSING_STYLE": "virtual",
    },
    "Amazon S3": {"COOP_S3_REGION": "eu-west-3"},
    "domaine à soi": {"COOP_S3_CUSTOM_DOMAIN": "medias.exemple.fr"},
}


@pytest.mark.parametrize("variables", CASES.values(), ids=CASES.keys())
def test_images_come_from_an_origin_the_policy_allows_and_reports_have_no_address(variables):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "coop_site.settings",
        "DJANGO_DEBUG": "1",
        "COOP_S3_BUCKET": "coop-medias",
        "AWS_ACCESS_KEY_ID": "cle",
        "AWS_SECRET_ACCESS_KEY": "secret",
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    image = urlsplit(found["image"])
    assert image.path.endswith("/media/filer_public/ab/photo.png"), found["image"]
    assert not image.query, "a public image's address carries no signature"
    assert f"{image.scheme}://{image.netloc}" in found["policy"]
    assert found["report_url"] is None
    assert found["report_acl"] == found["filer_private_acl"] == "private"
