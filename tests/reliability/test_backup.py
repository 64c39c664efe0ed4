"""`manage.py backup` and `manage.py restore`: the demo site, backed up and rebuilt elsewhere."""

import hashlib
import io
import json
import re
import tarfile
from pathlib import Path

import pytest

from .subprocess_site import fetch, manage

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/maisons/les-ors/",
    "/evaluation/2019/",
    "/evaluation/2019/rapport-annuel/telecharger/",  # a private file
    "/documents/",
]


def files_of(folder):
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def read_manifest(archive):
    with tarfile.open(archive) as opened:
        return json.loads(opened.extractfile("manifest.json").read())


def comparable(body):
    """A page's text without what differs between two renderings (the CSRF token)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def test_the_archive_holds_the_database_the_files_and_a_manifest(demo_site, demo_archive):
    with tarfile.open(demo_archive) as archive:
        names = set(archive.getnames())
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert manifest["engine"] in {"postgresql", "sqlite"}
    assert manifest["version"] == "0.1.0" or manifest["version"]
    assert manifest["created_at"]
    assert manifest["database"] in names
    assert manifest["tables"]["houses_house"] > 0
    media = Path(demo_site["MEDIA_ROOT"])
    assert {f"media/{name}": digest for name, digest in files_of(media).items()}.items() <= (
        manifest["files"].items()
    )
    private = files_of(media.parent / "private")
    assert any(name.endswith(".pdf") for name in private), "the reports' PDFs are private files"
    assert {f"private/{name}": digest for name, digest in private.items()}.items() <= (
        manifest["files"].items()
    )
    assert set(manifest["files"]) | {"manifest.json"} == names


def test_a_restored_site_is_the_same_site(demo_site, demo_archive, new_site):
    restored = new_site("coop_ops_restored")
    result = manage("restore", str(demo_archive), **restored)
    assert "Vérification réussie" in result.stdout

    # The restored site holds what the archive holds, counted and hashed here again.
    manifest = read_manifest(demo_archive)
    restored_media = Path(restored["MEDIA_ROOT"])
    restored_files = {
        **{f"media/{name}": digest for name, digest in files_of(restored_media).items()},
        **{
            f"private/{name}": digest
            for name, digest in files_of(restored_media.parent / "private").items()
        },
    }
    assert restored_files == {
        name: digest for name, digest in manifest["files"].items() if name != manifest["database"]
    }
    restored_counts, *after = fetch(PAGES, with_counts=True, **restored)
    assert restored_counts == manifest["tables"]
    assert restored_counts["houses_house"] > 0

    # And the pages read the same on both sites (the restored ones were fetched above).
    before = fetch(PAGES, **demo_site)
    for original, copy in zip(before, after, strict=True):
        assert original["status"] == 200, original["path"]
        assert copy["status"] == 200, copy["path"]
        if original["headers"].get("Content-Type", "").startswith("text/html"):
            assert comparable(copy["body"]) == comparable(original["body"]), copy["path"]
        else:
            assert copy["sha256"] == original["sha256"], copy["path"]
    assert "Les Ors" in after[1]["body"]

    # Once the site is back, a second restore would erase it: refused without --force.
    marker = restored_media / "ajout-apres-sauvegarde.txt"
    marker.write_text("à effacer")
    refused = manage("restore", str(demo_archive), check=False, **restored)
    assert refused.returncode != 0
    assert "Restauration refusée" in refused.stderr
    assert "--force" in refused.stderr
    assert marker.exists()

    forced = manage("restore", "--force", str(demo_archive), **restored)
    assert "Vérification réussie" in forced.stdout
    assert not marker.exists()


def test_a_tampered_archive_is_refused_before_anything_is_replaced(
    demo_archive, tmp_path, new_site
):
    tampered = tmp_path / "abimee.tar.gz"
    with tarfile.open(demo_archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                database = manifest["database"]
                manifest["files"][database] = "0" * 64
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    restored = new_site("coop_ops_tampered")
    result = manage("restore", str(tampered), check=False, **restored)
    assert result.returncode != 0
    assert "abîmée" in result.stderr


def test_keep_deletes_the_oldest_archives_of_the_folder(demo_site, demo_archive, tmp_path):
    folder = tmp_path / "sauvegardes"
    folder.mkdir()
    for old in ["coop-site-20240101-031500.tar.gz", "coop-site-20240102-031500.tar.gz"]:
        (folder / old).write_bytes(demo_archive.read_bytes())
    (folder / "notes.txt").write_text("pas une archive")

    result = manage("backup", "--output", str(folder), "--keep", "2", **demo_site)

    archives = sorted(path.name for path in folder.glob("coop-site-*.tar.gz"))
    assert len(archives) == 2
    assert archives[0] == "coop-site-20240102-031500.tar.gz"
    assert "Sauvegarde écrite" in result.stdout
    assert "coop-site-20240101-031500.tar.gz" in result.stdout  # said, not silent
    assert (folder / "notes.txt").exists()


def test_a_pg_dump_older_than_the_server_is_refused_with_a_french_message(demo_site, tmp_path):
    from .conftest import on_postgresql

    if not on_postgresql():
        pytest.skip("La version de pg_dump ne compte que sur PostgreSQL.")
    # A client older than any supported server, as an old Debian's would be.
    old_client = tmp_path / "bin"
    old_client.mkdir()
    for program in ["pg_dump", "pg_restore"]:
        script = old_client / program
        script.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
        script.chmod(0o755)
    result = manage(
        "backup", "--output", str(tmp_path), check=False, COOP_PG_BIN_DIR=old_client, **demo_site
    )
    assert result.returncode != 0
    assert "est plus ancien que le serveur PostgreSQL" in result.stderr
    assert "COOP_PG_BIN_DIR" in result.stderr
    assert not list(tmp_path.glob("*.tar.gz*"))
